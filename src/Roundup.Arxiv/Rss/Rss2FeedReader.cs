using System.Xml.Linq;
using Roundup.Arxiv.OaiPmh;
using Roundup.Arxiv.Xml;
using Roundup.Arxiv.Sources;

namespace Roundup.Arxiv.Rss;

/// <summary>The current RSS 2.0 feed (since January 2024): one <c>&lt;item&gt;</c> per paper, dated by its pubDate.</summary>
public static class Rss2FeedReader
{
    public static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static (DateOnly? ListingDate, IEnumerable<(string Label, RssItemFields Fields)> Items) Read(XElement root, string location)
    {
        var channel = root.Element("channel") ?? throw new ArxivFormatException(location, "the RSS document has no <channel>");
        var channelDate = EasternDate.FromRfc822(channel.Element("pubDate")?.Value);
        return (channelDate, channel.Elements("item").Select(item => Item(item, channelDate)));
    }

    private static (string, RssItemFields) Item(XElement item, DateOnly? channelDate)
    {
        var description = RssDescription.Parse(item.Element("description")?.Value);
        var id = item.Element("guid")?.Value.Trim() ?? description.Id ?? item.Element("link")?.Value.Trim();
        var fields = new RssItemFields(
            id,
            item.Element("title")?.Value,
            description.Abstract,
            item.Elements("category").Select(c => c.Value).ToList(),
            MetadataText.SplitAuthors(item.Element(Dc + "creator")?.Value),
            item.Element(Dc + "rights")?.Value,
            item.Element(Arxiv + "announce_type")?.Value ?? description.AnnounceType,
            EasternDate.FromRfc822(item.Element("pubDate")?.Value) ?? channelDate);
        return (id ?? "no guid", fields);
    }
}
