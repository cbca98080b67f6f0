using Roundup.Arxiv.Rss;
using Roundup.Arxiv.Tests.Fixtures;
using Roundup.Arxiv.Xml;
using Roundup.Calendar;
using Roundup.Papers;

namespace Roundup.Arxiv.Tests.Rss;

public sealed class RssFeedParserTests
{
    private static readonly ArxivCalendar Calendar = new();
    private static readonly DateOnly Tuesday = new(2025, 6, 24);

    [Theory]
    [InlineData("Rss/current.rss.xml")]
    [InlineData("Rss/current.atom.xml")]
    public void Current_feeds_carry_all_four_announce_types(string fixture)
    {
        var feed = RssFeedParser.Parse(Fixture.Read(fixture), fixture, Calendar);

        Assert.Empty(feed.Problems);
        Assert.Equal(Tuesday, feed.ListingDate);
        Assert.Equal([AnnounceType.New, AnnounceType.Cross, AnnounceType.Replace, AnnounceType.ReplaceCross], feed.Items.Select(i => i.Type));
        Assert.Equal(["2506.17001", "2506.17002", "2411.01234", "2502.04321"], feed.Items.Select(i => i.Paper.Id.ToString()));
        Assert.Equal([1, 1, 3, 2], feed.Items.Select(i => i.Paper.Version));
        Assert.All(feed.Items, i => Assert.Equal(Tuesday, i.ListingDate));

        var first = feed.Items[0].Paper;
        Assert.Equal("Sparse Mixtures of Experts for Long-Context Retrieval", first.Title);
        Assert.Equal("We study sparse mixtures of experts with $k$-way routing for retrieval over long contexts.", first.Abstract);
        Assert.Equal(["Ada Lovelace", "Alan Turing", "Grace Hopper"], first.Authors);
        Assert.Equal(["cs.LG", "cs.CL"], first.Categories);
        Assert.Equal("http://creativecommons.org/licenses/by/4.0/", first.License);
        Assert.Equal(Tuesday, first.Announced);
        Assert.Equal(AnnounceType.New, first.AnnounceType);

        Assert.Equal(Tuesday, feed.Items[1].Paper.Announced);
        Assert.Equal(AnnounceType.Cross, feed.Items[1].Paper.AnnounceType);

        // A replacement was first announced earlier: the feed does not say when.
        Assert.Null(feed.Items[2].Paper.Announced);
        Assert.Equal(["Arthur Gretton", "Bernhard Schölkopf"], feed.Items[3].Paper.Authors);
        Assert.Equal(["math.ST", "stat.ML", "stat.TH"], feed.Items[3].Paper.Categories);
    }

    [Fact]
    public void Empty_weekend_feed_is_empty_not_an_error()
    {
        var feed = RssFeedParser.Parse(Fixture.Read("Rss/empty.rss.xml"), "empty", Calendar);

        Assert.Empty(feed.Items);
        Assert.Empty(feed.Problems);
        Assert.Equal(new DateOnly(2025, 6, 28), feed.ListingDate);
    }

    [Fact]
    public void A_bad_item_is_a_problem_and_the_others_are_kept()
    {
        var xml = Fixture.Read("Rss/current.rss.xml").Replace("oai:arXiv.org:2506.17002v1", "oai:arXiv.org:not-an-id", StringComparison.Ordinal);

        var feed = RssFeedParser.Parse(xml, "https://rss.arxiv.org/rss/cs.LG", Calendar);

        Assert.Equal(3, feed.Items.Count);
        var problem = Assert.Single(feed.Problems);
        Assert.Equal("https://rss.arxiv.org/rss/cs.LG, item 2 (oai:arXiv.org:not-an-id)", problem.Location);
    }

    [Fact]
    public void Legacy_RDF_feed_yields_185_items_without_announce_types()
    {
        var feed = RssFeedParser.Parse(Fixture.Protocol("rss_legacy_rdf/arxiv_cs_rss1.0_2018-08-30.rdf"), "rdf", Calendar);

        Assert.Empty(feed.Problems);
        Assert.Equal(185, feed.Items.Count);
        Assert.All(feed.Items, i => Assert.Equal(AnnounceType.Unknown, i.Type));
        Assert.Equal(new DateOnly(2018, 8, 31), feed.ListingDate);
        Assert.All(feed.Items, i => Assert.Equal(new DateOnly(2018, 8, 31), i.ListingDate));

        var first = feed.Items[0].Paper;
        Assert.Equal("1808.09955", first.Id.ToString());
        Assert.Equal("QuasarNET: Human-level spectral classification and redshifting with Deep Neural Networks", first.Title);
        Assert.Equal(["astro-ph.IM"], first.Categories);
        Assert.StartsWith("We introduce QuasarNET", first.Abstract, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", first.Abstract, StringComparison.Ordinal);

        var last = feed.Items[^1].Paper;
        Assert.Equal(["Edoardo Vignotto", "Sebastian Engelke"], last.Authors);
        Assert.Equal(2, last.Version);
        Assert.Null(last.Announced);
        Assert.Equal(74, feed.Items.Count(i => i.Paper.Announced is null));
    }

    [Fact]
    public void Html_instead_of_a_feed_is_a_format_error()
    {
        var e = Assert.Throws<ArxivFormatException>(() => RssFeedParser.Parse(Fixture.Read("OaiPmh/html_error.html"), "rss", Calendar));

        Assert.Contains("HTML", e.Message, StringComparison.Ordinal);
    }
}
