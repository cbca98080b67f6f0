using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Roundup.Arxiv.OaiPmh;
using Roundup.Calendar;
using Roundup.Arxiv.Sources;

namespace Roundup.Arxiv.Rss;

/// <summary>
/// The legacy RSS 1.0 (RDF) feed, before January 2024. Titles end in <c>(arXiv:ID [primary] UPDATED)</c>; the
/// description and creators are HTML. There is no announce type, so items are Unknown; those marked UPDATED are
/// not taken as first announcements. The channel's dc:date is the evening of the announcement.
/// </summary>
public static partial class RdfFeedReader
{
    public static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    public static (DateOnly? ListingDate, IEnumerable<(string Label, RssItemFields Fields)> Items) Read(XElement root, ArxivCalendar calendar)
    {
        var dcDate = root.Element(Rss1 + "channel")?.Element(Rss2FeedReader.Dc + "date")?.Value.Trim();
        DateOnly? listing = DateTimeOffset.TryParse(dcDate, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var at) ? calendar.LatestListingDate(at) : null;
        return (listing, root.Elements(Rss1 + "item").Select(item => Item(item, listing)));
    }

    private static (string, RssItemFields) Item(XElement item, DateOnly? listing)
    {
        var about = (string?)item.Attribute(Rdf + "about") ?? item.Element(Rss1 + "link")?.Value.Trim();
        var title = item.Element(Rss1 + "title")?.Value ?? "";
        var m = TitleSuffix().Match(title);
        var flag = m.Success ? m.Groups["flag"].Value.Trim() : "";
        var fields = new RssItemFields(
            m.Success ? m.Groups["id"].Value : about,
            m.Success ? m.Groups["title"].Value.TrimEnd().TrimEnd('.') : title,
            MetadataText.Collapse(StripHtml(item.Element(Rss1 + "description")?.Value)),
            m.Success ? [m.Groups["cat"].Value] : [],
            MetadataText.SplitAuthors(StripHtml(item.Element(Rss2FeedReader.Dc + "creator")?.Value)),
            null,
            null,
            listing,
            KnownReplacement: flag.StartsWith("UPDATED", StringComparison.Ordinal));
        return (about ?? "no rdf:about", fields);
    }

    private static string StripHtml(string? html) => WebUtility.HtmlDecode(Tag().Replace(html ?? "", " "));

    [GeneratedRegex(@"^(?<title>.*?)\s*\(arXiv:(?<id>[^\s\[\)]+)\s*\[(?<cat>[^\]]+)\]\s*(?<flag>[A-Z][A-Z ]*)?\)\s*$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TitleSuffix();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
