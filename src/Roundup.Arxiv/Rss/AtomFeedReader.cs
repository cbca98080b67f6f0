using System.Xml.Linq;
using Roundup.Arxiv.OaiPmh;
using Roundup.Arxiv.Sources;

namespace Roundup.Arxiv.Rss;

/// <summary>The current Atom variant of the daily feed: <c>&lt;entry&gt;</c>s with the same fields as Atom elements.</summary>
public static class AtomFeedReader
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static (DateOnly? ListingDate, IEnumerable<(string Label, RssItemFields Fields)> Items) Read(XElement feed)
    {
        var feedDate = EasternDate.FromIso(feed.Element(Atom + "updated")?.Value);
        return (feedDate, feed.Elements(Atom + "entry").Select(entry => Entry(entry, feedDate)));
    }

    private static (string, RssItemFields) Entry(XElement entry, DateOnly? feedDate)
    {
        var summary = RssDescription.Parse(entry.Element(Atom + "summary")?.Value);
        var id = entry.Element(Atom + "id")?.Value.Trim() ?? summary.Id;
        var fields = new RssItemFields(
            id,
            entry.Element(Atom + "title")?.Value,
            summary.Abstract,
            entry.Elements(Atom + "category").Select(c => (string?)c.Attribute("term") ?? "").ToList(),
            MetadataText.SplitAuthors(entry.Element(Rss2FeedReader.Dc + "creator")?.Value),
            entry.Element(Rss2FeedReader.Dc + "rights")?.Value,
            entry.Element(Rss2FeedReader.Arxiv + "announce_type")?.Value ?? summary.AnnounceType,
            EasternDate.FromIso(entry.Element(Atom + "published")?.Value)
                ?? EasternDate.FromIso(entry.Element(Atom + "updated")?.Value)
                ?? feedDate);
        return (id ?? "no id", fields);
    }
}
