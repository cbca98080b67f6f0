using Roundup.Arxiv.Rss;
using Roundup.Arxiv.Tests.Fixtures;
using Roundup.Arxiv.Xml;
using Roundup.Calendar;
using Roundup.Harvesting;

namespace Roundup.Arxiv.Tests.Rss;

public sealed class RssPaperSourceTests
{
    private static readonly HarvestRequest Week = new(new DateOnly(2025, 6, 30), new DateOnly(2025, 7, 6), ["cs.LG", "stat.ML"]);

    [Fact]
    public async Task Fetches_one_feed_joining_the_categories_with_plus()
    {
        var http = new FakeArxivHttp().Serve(_ => true, Fixture.Read("Rss/current.rss.xml"));
        var source = new RssPaperSource(http, new ArxivCalendar(), new RssOptions());

        var page = Assert.Single(await source.ReadAsync(Week, null, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal("https://rss.arxiv.org/rss/cs.LG+stat.ML", Assert.Single(http.Requested).ToString());
        Assert.Null(page.NextPosition);
        Assert.Equal("https://rss.arxiv.org/rss/cs.LG+stat.ML", page.Location);
        // Listed 06-24, outside the request: still returned, the completeness report filters by date.
        Assert.Equal(4, page.Papers.Count);
        Assert.Equal("rss", source.Name);
    }

    [Fact]
    public void Atom_format_uses_the_atom_feeds()
    {
        var source = new RssPaperSource(new FakeArxivHttp(), new ArxivCalendar(), new RssOptions { Format = RssFormat.Atom });

        Assert.Equal("https://rss.arxiv.org/atom/cs.LG+cs.CV", source.FeedUrl(["cs.LG", "cs.CV"]).ToString());
    }

    [Fact]
    public async Task An_html_page_is_forgotten_and_rethrown()
    {
        var http = new FakeArxivHttp().Serve(_ => true, Fixture.Read("OaiPmh/html_error.html"));
        var source = new RssPaperSource(http, new ArxivCalendar(), new RssOptions());

        await Assert.ThrowsAsync<ArxivFormatException>(async () =>
            await source.ReadAsync(Week, null, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal(http.Requested, http.Forgotten);
    }

    [Fact]
    public async Task An_empty_feed_is_one_empty_page()
    {
        var http = new FakeArxivHttp().Serve(_ => true, Fixture.Read("Rss/empty.rss.xml"));
        var source = new RssPaperSource(http, new ArxivCalendar(), new RssOptions());

        var page = Assert.Single(await source.ReadAsync(Week, null, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Empty(page.Papers);
        Assert.Empty(page.Problems);
    }
}
