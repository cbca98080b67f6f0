using System.Globalization;
using System.Text.Json;
using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Arxiv.Files;

/// <summary>
/// Daily listing files (JSON lines, one paper a line, with the listing date arXiv printed): the exact record of
/// what each day announced. Every paper in the files is read, whatever the request's window.
/// </summary>
public sealed class ListingFileSource(IReadOnlyList<string> files, int pageSize = 1000) : IPaperSource
{
    public string Name => "listing";

    public IAsyncEnumerable<HarvestPage> ReadAsync(HarvestRequest request, string? resumeFrom, CancellationToken cancellationToken = default) =>
        new JsonLinesReader<ListingRecord>(files, pageSize, line => FileJson.Deserialize(line, FileJson.Default.ListingRecord), Convert)
            .ReadAsync(resumeFrom, cancellationToken);

    public static HarvestedPaper Convert(ListingRecord r, string location)
    {
        if (!ArxivId.TryParse(r.ArxivId, out var id, out var error))
        {
            throw new FormatException($"arxiv_id: {error}");
        }

        if (!DateOnly.TryParseExact(r.ListingDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new FormatException($"{id}: listing_date '{r.ListingDate}' is not a yyyy-MM-dd date");
        }

        IReadOnlyList<string> categories = r.Categories is { Length: > 0 } all
            ? PaperMerge.MergeCategories(r.PrimaryCategory is null ? [] : [r.PrimaryCategory], all)
            : r.PrimaryCategory is null ? [] : [r.PrimaryCategory];
        var type = AnnounceTypes.Parse(r.AnnounceType);
        var paper = new Paper
        {
            Id = id.WithoutVersion(),
            Version = id.Version ?? 1,
            Title = PaperText.Collapse(r.Title),
            Abstract = PaperText.Collapse(r.Abstract),
            Authors = r.Authors?.Select(PaperText.Collapse).Where(a => a.Length > 0).ToArray() ?? [],
            Categories = categories,
            Comment = PaperText.CollapseOrNull(r.Comment),
            Announced = type.IsFirstAnnouncement() ? date : null,
            AnnounceType = type,
        };
        return new HarvestedPaper(paper, date, type, location);
    }
}
