using System.Globalization;
using Roundup.Calendar;
using Roundup.Harvesting;
using Roundup.Papers;
using Roundup.Arxiv.Sources;

namespace Roundup.Arxiv.Files;

/// <summary>
/// arXiv's metadata snapshot (JSON lines, 2.7M records, ~4.5 GB), streamed in bounded memory. It has no
/// announcement dates: each paper's listing date is the one expected from its v1 submission time.
/// </summary>
public sealed class SnapshotFileSource(IReadOnlyList<string> files, ArxivCalendar calendar, int pageSize = 5000) : IPaperSource
{
    public string Name => "snapshot";

    public IAsyncEnumerable<HarvestPage> ReadAsync(HarvestRequest request, string? resumeFrom, CancellationToken cancellationToken = default) =>
        new JsonLinesReader<SnapshotRecord>(files, pageSize, SnapshotRecordReader.Read, Convert)
            .ReadAsync(resumeFrom, cancellationToken);

    public HarvestedPaper Convert(SnapshotRecord r, string location)
    {
        if (!ArxivId.TryParse(r.Id, out var id, out var error))
        {
            throw new FormatException($"id: {error}");
        }

        var versions = (r.Versions ?? [])
            .Select(v => new PaperVersion(VersionNumber(v.Version, id), ParseDate(v.Created, id)))
            .OrderBy(v => v.Number)
            .ToList();
        var submitted = versions.Count > 0 ? versions[0].Submitted : null;
        DateOnly? listing = submitted is { } s ? calendar.ExpectedListingDate(s) : null;
        var paper = new Paper
        {
            Id = id.WithoutVersion(),
            Version = versions.Count > 0 ? versions[^1].Number : 1,
            Title = PaperText.Collapse(r.Title),
            Abstract = PaperText.Collapse(r.Abstract),
            Authors = Authors(r),
            Categories = (r.Categories ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Comment = PaperText.CollapseOrNull(r.Comments),
            JournalRef = PaperText.CollapseOrNull(r.JournalRef),
            Doi = PaperText.CollapseOrNull(r.Doi),
            License = PaperText.CollapseOrNull(r.License),
            Submitted = submitted,
            Announced = listing,
            Versions = versions,
        };
        return new HarvestedPaper(paper, listing, AnnounceType.Unknown, location);
    }

    private static string[] Authors(SnapshotRecord r)
    {
        if (r.AuthorsParsed is { Length: > 0 } parsed)
        {
            return parsed.Where(a => a.Length > 0).ToArray();
        }

        return [.. MetadataText.SplitAuthors(r.Authors)];
    }

    private static int VersionNumber(string? text, ArxivId id) =>
        text is ['v', .. var digits] && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new FormatException($"{id}: version '{text}' is not vN");

    private static DateTimeOffset ParseDate(string? text, ArxivId id) =>
        Rfc822Date.TryParse(text, out var d) ? d : throw new FormatException($"{id}: version date '{text}' is not an RFC 822 date");
}
