using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Xml.Linq;
using Roundup.Papers;
using Roundup.Arxiv.Sources;

namespace Roundup.Arxiv.OaiPmh;

/// <summary>
/// Reads an <c>arXivRaw</c> record: id, version history (dates and sizes), title, one author string, categories
/// space-separated with the primary first, comments, journal-ref, doi, license, abstract.
/// </summary>
public static class ArxivRawReader
{
    public static bool TryRead(XElement raw, [NotNullWhen(true)] out Paper? paper, out string error)
    {
        paper = null;
        var ns = raw.Name.Namespace;
        var idText = raw.Element(ns + "id")?.Value;
        if (!ArxivId.TryParse(idText, out var id, out error))
        {
            return false;
        }

        var versions = new List<PaperVersion>();
        foreach (var v in raw.Elements(ns + "version"))
        {
            var label = (string?)v.Attribute("version") ?? "";
            if (!label.StartsWith('v')
                || !int.TryParse(label.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || number < 1)
            {
                error = $"version '{label}' is not of the form vN";
                return false;
            }

            DateTimeOffset? date = Rfc822Date.TryParse(v.Element(ns + "date")?.Value, out var d) ? d : null;
            versions.Add(new PaperVersion(number, date, MetadataText.CollapseOrNull(v.Element(ns + "size")?.Value)));
        }

        versions.Sort((a, b) => a.Number.CompareTo(b.Number));
        var title = MetadataText.Collapse(raw.Element(ns + "title")?.Value);
        if (string.IsNullOrEmpty(title))
        {
            error = "the title is missing";
            return false;
        }

        paper = new Paper
        {
            Id = id.WithoutVersion(),
            Version = versions.Count > 0 ? versions[^1].Number : id.Version ?? 1,
            Title = title,
            Abstract = MetadataText.Collapse(raw.Element(ns + "abstract")?.Value) ?? "",
            Authors = MetadataText.SplitAuthors(raw.Element(ns + "authors")?.Value),
            Categories = SplitCategories(raw.Element(ns + "categories")?.Value),
            Comment = MetadataText.CollapseOrNull(raw.Element(ns + "comments")?.Value),
            JournalRef = MetadataText.CollapseOrNull(raw.Element(ns + "journal-ref")?.Value),
            Doi = MetadataText.CollapseOrNull(raw.Element(ns + "doi")?.Value),
            License = MetadataText.CollapseOrNull(raw.Element(ns + "license")?.Value),
            Submitted = versions.FirstOrDefault(v => v.Number == 1)?.Submitted,
            Versions = versions,
        };
        return true;
    }

    /// <summary>Space-separated, primary first, each once.</summary>
    public static IReadOnlyList<string> SplitCategories(string? text) =>
        (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
}
