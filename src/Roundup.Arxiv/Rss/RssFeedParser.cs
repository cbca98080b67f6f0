using System.Xml.Linq;
using Roundup.Arxiv.Xml;
using Roundup.Calendar;
using Roundup.Harvesting;

namespace Roundup.Arxiv.Rss;

/// <summary>
/// Parses arXiv's daily feeds, whichever of the three shapes arrives: RSS 2.0, Atom, or the legacy RSS 1.0 (RDF).
/// Bad items become <see cref="HarvestProblem"/>s beside the good ones; a bad document throws
/// <see cref="ArxivFormatException"/>.
/// </summary>
public static class RssFeedParser
{
    public static RssFeed Parse(string xml, string location, ArxivCalendar calendar)
    {
        var root = SafeXml.Load(xml, location).Root!;
        var (listingDate, items) = root.Name switch
        {
            { LocalName: "rss", NamespaceName: "" } => Rss2FeedReader.Read(root, location),
            var name when name == AtomFeedReader.Atom + "feed" => AtomFeedReader.Read(root),
            var name when name == RdfFeedReader.Rdf + "RDF" => RdfFeedReader.Read(root, calendar),
            _ => throw new ArxivFormatException(location, $"expected an RSS, Atom or RDF feed but the root element is <{root.Name.LocalName}>"),
        };

        var papers = new List<HarvestedPaper>();
        var problems = new List<HarvestProblem>();
        var n = 0;
        foreach (var (label, fields) in items)
        {
            n++;
            if (RssItemBuilder.TryBuild(fields, out var sighting, out var error))
            {
                papers.Add(sighting);
            }
            else
            {
                problems.Add(new HarvestProblem($"{location}, item {n} ({(label.Length <= 80 ? label : label[..77] + "...")})", error));
            }
        }

        return new RssFeed(papers, problems, listingDate);
    }
}
