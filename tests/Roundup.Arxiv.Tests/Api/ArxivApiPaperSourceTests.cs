using System.Web;
using Roundup.Arxiv.Api;
using Roundup.Arxiv.Tests.Fixtures;
using Roundup.Arxiv.Xml;
using Roundup.Calendar;
using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Arxiv.Tests.Api;

public sealed class ArxivApiPaperSourceTests
{
    // Listing dates Mon 2025-06-09 .. Sun 06-15, no holidays.
    private static readonly HarvestRequest Week = new(new DateOnly(2025, 6, 9), new DateOnly(2025, 6, 15), ["cs.LG", "cs.CV"]);

    private static ArxivApiPaperSource Source(FakeArxivHttp http, ArxivApiOptions? options = null) =>
        new(http, new ArxivCalendar(), options ?? new ArxivApiOptions());

    private static string Param(Uri url, string name) => HttpUtility.ParseQueryString(url.Query)[name]!;

    private static string OneEntryAt(Uri url, int total) =>
        ApiFeeds.Search(total, int.Parse(Param(url, "start"), System.Globalization.CultureInfo.InvariantCulture),
            ($"2506.{10000 + int.Parse(Param(url, "start"), System.Globalization.CultureInfo.InvariantCulture):D5}v1", "cs.LG", "2025-06-10T12:00:00Z"));

    [Fact]
    public async Task Pages_by_start_in_slices_of_the_page_size_until_the_total()
    {
        var http = new FakeArxivHttp().Serve(_ => true, u => OneEntryAt(u, 4_500));

        var pages = await Source(http).ReadAsync(Week, null, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["0", "2000", "4000"], http.Requested.Select(u => Param(u, "start")));
        Assert.All(http.Requested, u => Assert.Equal("2000", Param(u, "max_results")));
        Assert.All(http.Requested, u => Assert.Equal("submittedDate", Param(u, "sortBy")));
        Assert.All(http.Requested, u => Assert.Equal("ascending", Param(u, "sortOrder")));
        Assert.Equal(["2000", "4000", null], pages.Select(p => p.NextPosition));
        Assert.All(pages, p => Assert.Empty(p.Problems));
    }

    [Fact]
    public async Task Resumes_from_the_stored_start()
    {
        var http = new FakeArxivHttp().Serve(_ => true, u => OneEntryAt(u, 4_500));

        var pages = await Source(http).ReadAsync(Week, "4000", TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Null(Assert.Single(pages).NextPosition);
        Assert.Equal("4000", Param(Assert.Single(http.Requested), "start"));
    }

    [Fact]
    public async Task Asks_for_the_categories_submitted_in_the_window_that_feeds_the_listings()
    {
        var http = new FakeArxivHttp().Serve(_ => true, u => OneEntryAt(u, 1));

        var page = Assert.Single(await Source(http).ReadAsync(Week, null, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        // Monday 06-09 lists Thu 06-05 14:00 EDT onwards, four days earlier for moderation; Sun 06-15 is fed up to Thu 06-12 14:00 EDT.
        Assert.Equal("(cat:cs.LG OR cat:cs.CV) AND submittedDate:[202506011800 TO 202506121800]", Param(http.Requested[0], "search_query"));
        var seen = Assert.Single(page.Papers);
        Assert.Equal(new DateOnly(2025, 6, 11), seen.ListingDate);
        Assert.Equal(AnnounceType.New, seen.Type);
        Assert.Equal(new DateOnly(2025, 6, 11), seen.Paper.Announced);
    }

    [Fact]
    public void Submission_window_follows_holidays()
    {
        // 2025-06-19 is a holiday: Wednesday 14:00 .. Friday 14:00 submissions are all listed on Monday 06-23.
        var window = SubmissionWindow.For(new ArxivCalendar(), new DateOnly(2025, 6, 23), new DateOnly(2025, 6, 29));

        Assert.Equal("submittedDate:[202506141800 TO 202506261800]", window.ToQuery());
    }

    [Fact]
    public async Task More_results_than_the_api_serves_are_cut_with_a_problem_saying_so()
    {
        var http = new FakeArxivHttp().Serve(_ => true, u => OneEntryAt(u, 45_000));

        var pages = await Source(http).ReadAsync(Week, null, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(15, pages.Count);
        Assert.Equal("28000", Param(http.Requested[^1], "start"));
        var problem = Assert.Single(pages.SelectMany(p => p.Problems));
        Assert.Contains("30,000", problem.Message, StringComparison.Ordinal);
        Assert.Contains("split the window", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_slice_before_the_total_is_forgotten_and_thrown()
    {
        var http = new FakeArxivHttp().Serve(_ => true, u => ApiFeeds.Search(4_500, 2000));

        await Assert.ThrowsAsync<ArxivFormatException>(async () =>
            await Source(http).ReadAsync(Week, "2000", TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal(http.Requested, http.Forgotten);
    }

    [Fact]
    public async Task Lookup_asks_in_slices_of_at_most_200_ids()
    {
        var ids = Enumerable.Range(1, 450).Select(i => ArxivId.Parse($"2506.{i:D5}")).ToList();
        var http = new FakeArxivHttp().Serve(_ => true, ApiFeeds.Search(0, 0));

        var papers = await Source(http).LookupAsync(ids, TestContext.Current.CancellationToken);

        Assert.Empty(papers);
        Assert.Equal([200, 200, 50], http.Requested.Select(u => Param(u, "id_list").Split(',').Length));
        Assert.Equal(["200", "200", "50"], http.Requested.Select(u => Param(u, "max_results")));
    }

    [Fact]
    public async Task Lookup_reads_old_style_ids()
    {
        var http = new FakeArxivHttp().Serve(_ => true, Fixture.Protocol("arxiv_api_atom/arxiv.py_recorded_2026_bodies/id_astro-ph_0601001_s0_m100_3150dca9dc76.xml"));

        var paper = Assert.Single(await Source(http).LookupAsync([ArxivId.Parse("astro-ph/0601001")], TestContext.Current.CancellationToken));

        Assert.Equal("astro-ph/0601001", paper.Id.Canonical);
        Assert.Equal("astro-ph/0601001", Param(http.Requested[0], "id_list"));
    }
}
