using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Xml.Linq;
using Roundup.Papers;
using Roundup.Arxiv.Sources;

namespace Roundup.Arxiv.OaiPmh;

/// <summary>
/// Reads an <c>arXiv</c>-format record: authors split into keyname/forenames/suffix, created (v1) and updated
/// dates. It carries no version numbers, so the paper is reported at version 1 with v1's date only.
/// </summary>
public static class ArxivMetadataReader
{
    public static bool TryRead(XElement record, [NotNullWhen(true)] out Paper? paper, out string error)
    {
        paper = null;
        var ns = record.Name.Namespace;
        if (!ArxivId.TryParse(record.Element(ns + "id")?.Value, out var id, out error))
        {
            return false;
        }

        var title = MetadataText.Collapse(record.Element(ns + "title")?.Value);
        if (string.IsNullOrEmpty(title))
        {
            error = "the title is missing";
            return false;
        }

        // Only a date: midnight GMT, which the calendar reads as after the previous day's cut-off.
        DateTimeOffset? created = DateOnly.TryParseExact(record.Element(ns + "created")?.Value.Trim(), "yyyy-MM-dd",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;

        paper = new Paper
        {
            Id = id.WithoutVersion(),
            Title = title,
            Abstract = MetadataText.Collapse(record.Element(ns + "abstract")?.Value) ?? "",
            Authors = record.Element(ns + "authors")?.Elements(ns + "author").Select(a => AuthorName(a, ns)).Where(n => n.Length > 0).ToList() ?? [],
            Categories = ArxivRawReader.SplitCategories(record.Element(ns + "categories")?.Value),
            Comment = MetadataText.CollapseOrNull(record.Element(ns + "comments")?.Value),
            JournalRef = MetadataText.CollapseOrNull(record.Element(ns + "journal-ref")?.Value),
            Doi = MetadataText.CollapseOrNull(record.Element(ns + "doi")?.Value),
            License = MetadataText.CollapseOrNull(record.Element(ns + "license")?.Value),
            Submitted = created,
            Versions = created is null ? [] : [new PaperVersion(1, created)],
        };
        return true;
    }

    private static readonly string[] NameParts = ["forenames", "keyname", "suffix"];

    private static string AuthorName(XElement author, XNamespace ns) =>
        MetadataText.Collapse(string.Join(' ', NameParts.Select(part => author.Element(ns + part)?.Value ?? "")))!;
}
