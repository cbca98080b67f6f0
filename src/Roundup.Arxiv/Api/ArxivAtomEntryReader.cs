using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Xml.Linq;
using Roundup.Arxiv.OaiPmh;
using Roundup.Papers;
using Roundup.Arxiv.Sources;

namespace Roundup.Arxiv.Api;

/// <summary>Reads one API <c>&lt;entry&gt;</c>: id with version, title, summary, authors, categories (primary first), arXiv extensions, dates.</summary>
public static class ArxivAtomEntryReader
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";

    /// <summary>True for the entry the API answers a bad query with (<c>&lt;title&gt;Error&lt;/title&gt;</c>, id under /api/errors).</summary>
    public static bool IsError(XElement entry) =>
        (entry.Element(Atom + "id")?.Value ?? "").Contains("/api/errors", StringComparison.OrdinalIgnoreCase)
        || (entry.Element(Atom + "title")?.Value.Trim() == "Error" && entry.Element(Arxiv + "primary_category") is null);

    public static bool TryRead(XElement entry, [NotNullWhen(true)] out Paper? paper, out string error)
    {
        paper = null;
        if (!ArxivId.TryParse(entry.Element(Atom + "id")?.Value, out var id, out error))
        {
            return false;
        }

        var title = MetadataText.Collapse(entry.Element(Atom + "title")?.Value);
        if (string.IsNullOrEmpty(title))
        {
            error = "the title is missing";
            return false;
        }

        var published = ReadDate(entry.Element(Atom + "published"));
        var updated = ReadDate(entry.Element(Atom + "updated"));
        var version = id.Version ?? 1;
        var versions = new List<PaperVersion>();
        if (published is not null)
        {
            versions.Add(new PaperVersion(1, published));
        }

        if (version > 1)
        {
            versions.Add(new PaperVersion(version, updated));
        }

        paper = new Paper
        {
            Id = id.WithoutVersion(),
            Version = version,
            Title = title,
            Abstract = MetadataText.Collapse(entry.Element(Atom + "summary")?.Value) ?? "",
            Authors = entry.Elements(Atom + "author").Select(a => MetadataText.Collapse(a.Element(Atom + "name")?.Value) ?? "").Where(n => n.Length > 0).ToList(),
            Categories = Categories(entry),
            Comment = MetadataText.CollapseOrNull(entry.Element(Arxiv + "comment")?.Value),
            JournalRef = MetadataText.CollapseOrNull(entry.Element(Arxiv + "journal_ref")?.Value),
            Doi = MetadataText.CollapseOrNull(entry.Element(Arxiv + "doi")?.Value),
            Submitted = published,
            Versions = versions,
        };
        return true;
    }

    private static List<string> Categories(XElement entry)
    {
        var categories = new List<string>();
        var primary = (string?)entry.Element(Arxiv + "primary_category")?.Attribute("term");
        foreach (var term in entry.Elements(Atom + "category").Select(c => (string?)c.Attribute("term")).Prepend(primary))
        {
            if (!string.IsNullOrWhiteSpace(term) && !categories.Contains(term.Trim(), StringComparer.Ordinal))
            {
                categories.Add(term.Trim());
            }
        }

        return categories;
    }

    private static DateTimeOffset? ReadDate(XElement? e) =>
        DateTimeOffset.TryParse(e?.Value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
