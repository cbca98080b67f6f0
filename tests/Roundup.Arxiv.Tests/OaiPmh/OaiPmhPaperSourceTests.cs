using Roundup.Arxiv.OaiPmh;
using Roundup.Arxiv.Tests.Fixtures;
using Roundup.Testing.Arxiv;
using Roundup.Arxiv.Xml;
using Roundup.Calendar;
using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Arxiv.Tests.OaiPmh;

public sealed class OaiPmhPaperSourceTests
{
    // Listing dates Mon 2025-06-23 .. Sun 06-29; submitted Mon 06-23 10:00 GMT (06:00 Eastern) is listed Tue 06-24.
    private static readonly HarvestRequest Week = new(new DateOnly(2025, 6, 23), new DateOnly(2025, 6, 29), ["cs.LG"]);
    private const string InWeek = "Mon, 23 Jun 2025 10:00:00 GMT";

    private static OaiPmhPaperSource Source(FakeArxivHttp http, OaiPmhOptions? options = null) =>
        new(http, new ArxivCalendar(), options ?? new OaiPmhOptions());

    private static FakeArxivHttp ThreePages() => new FakeArxivHttp()
        .Serve(u => u.Query.Contains("set=cs", StringComparison.Ordinal), OaiPages.ListRecords("t1|1001", ("2506.17001", "cs.LG", InWeek)))
        .Serve(u => u.Query.EndsWith("resumptionToken=t1%7C1001", StringComparison.Ordinal), OaiPages.ListRecords("t2|2002", ("2506.17002", "cs.LG", InWeek)))
        .Serve(u => u.Query.EndsWith("resumptionToken=t2%7C2002", StringComparison.Ordinal), OaiPages.ListRecords(null, ("2506.17003", "cs.LG", InWeek)));

    [Fact]
    public async Task Walks_three_resumption_token_pages_and_yields_a_page_for_each()
    {
        var http = ThreePages();

        var pages = await Source(http).ReadAsync(Week, null, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, pages.Count);
        Assert.Equal(["cs|t1|1001", "cs|t2|2002", null], pages.Select(p => p.NextPosition));
        Assert.Equal(["2506.17001", "2506.17002", "2506.17003"], pages.Select(p => Assert.Single(p.Papers).Paper.Id.ToString()));
        Assert.Equal(
            "https://oaipmh.arxiv.org/oai?verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2025-06-21",
            http.Requested[0].ToString());
        Assert.DoesNotContain("until", http.Requested[0].Query, StringComparison.Ordinal);
        Assert.Equal("?verb=ListRecords&resumptionToken=t1%7C1001", http.Requested[1].Query);
        Assert.Equal(http.Requested.Select(u => u.ToString()), pages.Select(p => p.Location));
    }

    [Fact]
    public async Task Resuming_from_the_second_pages_position_fetches_only_the_third()
    {
        var http = ThreePages();

        var pages = await Source(http).ReadAsync(Week, "cs|t2|2002", TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        var page = Assert.Single(pages);
        Assert.Null(page.NextPosition);
        Assert.Equal("?verb=ListRecords&resumptionToken=t2%7C2002", Assert.Single(http.Requested).Query);
    }

    [Fact]
    public async Task NoRecordsMatch_is_one_empty_last_page()
    {
        var http = new FakeArxivHttp().Serve(_ => true, Fixture.Protocol("oai_pmh/mikesaelim_arXivOAIHarvester/ErrorResponseNoRecordsMatch.xml"));

        var page = Assert.Single(await Source(http).ReadAsync(Week, null, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Empty(page.Papers);
        Assert.Empty(page.Problems);
        Assert.Null(page.NextPosition);
    }

    [Fact]
    public async Task Sets_derived_from_the_categories_are_walked_in_turn()
    {
        var request = Week with { Categories = ["cs.LG", "stat.ML", "cs.CV"] };
        var http = new FakeArxivHttp()
            .Serve(u => u.Query.Contains("set=cs&", StringComparison.Ordinal), OaiPages.ListRecords(null, ("2506.17001", "cs.LG", InWeek)))
            .Serve(u => u.Query.Contains("set=stat&", StringComparison.Ordinal), OaiPages.ListRecords(null, ("2506.17002", "stat.ML", InWeek)));

        var pages = await Source(http).ReadAsync(request, null, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["stat|", null], pages.Select(p => p.NextPosition));
        Assert.Equal(2, http.Requested.Count);
        Assert.Equal(["cs", "stat", "eess", "math"], OaiSets.For(["cs.LG", "stat.ML", "eess.IV", "math.OC", "cs.CV"]));
        Assert.Equal(["physics:hep-th", "physics:astro-ph"], OaiSets.For(["hep-th", "astro-ph.GA"]));
    }

    [Fact]
    public async Task Keeps_requested_categories_and_dates_first_announcements_and_replacements()
    {
        var request = new HarvestRequest(new DateOnly(2025, 6, 26), new DateOnly(2025, 6, 26), ["cs.LG"]);
        var http = new FakeArxivHttp()
            .Serve(_ => true, Fixture.Read("OaiPmh/mixed_records.xml").Replace("{{LONG_TITLE}}", "Short", StringComparison.Ordinal).Replace("7301928|1001", "", StringComparison.Ordinal));

        var page = Assert.Single(await Source(http).ReadAsync(request, null, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        // 2506.17005: primary cs.PL, cross-listed to cs.LG; v1 listed Wed 06-25, v2 (Wed 09:30 GMT) expected Thu 06-26.
        var replaced = Assert.Single(page.Papers, p => p.Paper.Id.Canonical == "2506.17005");
        Assert.Equal(AnnounceType.ReplaceCross, replaced.Type);
        Assert.Equal(new DateOnly(2025, 6, 26), replaced.ListingDate);
        Assert.Equal(new DateOnly(2025, 6, 25), replaced.Paper.Announced);
        Assert.Equal(AnnounceType.Cross, replaced.Paper.AnnounceType);

        // 2506.17001: listed Tue 06-24, outside the window but still returned with its expected date.
        var outside = Assert.Single(page.Papers, p => p.Paper.Id.Canonical == "2506.17001");
        Assert.Equal(AnnounceType.New, outside.Type);
        Assert.Equal(new DateOnly(2025, 6, 24), outside.ListingDate);
    }

    [Fact]
    public async Task Papers_outside_the_requested_categories_are_dropped()
    {
        var http = new FakeArxivHttp().Serve(_ => true, OaiPages.ListRecords(null,
            ("2506.17001", "cs.LG", InWeek), ("2506.17002", "cs.DB", InWeek), ("2506.17003", "stat.ML cs.LG", InWeek)));

        var page = Assert.Single(await Source(http).ReadAsync(Week, null, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal(["2506.17001", "2506.17003"], page.Papers.Select(p => p.Paper.Id.ToString()));
        Assert.Equal([AnnounceType.New, AnnounceType.Cross], page.Papers.Select(p => p.Type));
        Assert.All(page.Papers, p => Assert.Equal(new DateOnly(2025, 6, 24), p.ListingDate));
    }

    [Fact]
    public async Task A_truncated_page_is_forgotten_and_rethrown()
    {
        var http = new FakeArxivHttp().Serve(_ => true, Fixture.Read("OaiPmh/truncated.xml"));

        await Assert.ThrowsAsync<ArxivFormatException>(async () =>
            await Source(http).ReadAsync(Week, null, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal(http.Requested, http.Forgotten);
    }

    [Fact]
    public async Task An_expired_token_restarts_the_set_from_the_beginning_once()
    {
        var expired = Fixture.Protocol("oai_pmh/mikesaelim_arXivOAIHarvester/ErrorResponseBadResumptionToken.xml");
        var http = new FakeArxivHttp()
            .Serve(u => u.Query.Contains("resumptionToken=old", StringComparison.Ordinal), expired)
            .Serve(u => u.Query.Contains("set=cs", StringComparison.Ordinal), OaiPages.ListRecords(null, ("2506.17001", "cs.LG", InWeek)));

        var pages = await Source(http).ReadAsync(Week, "cs|old", TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["2506.17001"], pages.SelectMany(p => p.Papers).Select(p => p.Paper.Id.ToString()));
        Assert.Equal(2, http.Requested.Count);
        Assert.Contains("set=cs", http.Requested[1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_that_keep_expiring_end_the_harvest_with_the_oai_error()
    {
        var expired = Fixture.Protocol("oai_pmh/mikesaelim_arXivOAIHarvester/ErrorResponseBadResumptionToken.xml");
        var http = new FakeArxivHttp()
            .Serve(u => u.Query.Contains("resumptionToken", StringComparison.Ordinal), expired)
            .Serve(u => u.Query.Contains("set=cs", StringComparison.Ordinal), OaiPages.ListRecords("fresh", ("2506.17001", "cs.LG", InWeek)));

        var e = await Assert.ThrowsAsync<OaiPmhException>(async () =>
            await Source(http).ReadAsync(Week, "cs|old", TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        Assert.True(e.RestartRequired);
        Assert.Equal(http.Requested[^1], e.Url);
        Assert.Equal(3, http.Requested.Count);
    }

    [Fact]
    public async Task GetRecord_reads_one_paper()
    {
        var http = new FakeArxivHttp().Serve(_ => true, Fixture.Protocol("oai_pmh/mikesaelim_arXivOAIHarvester/GetRecordResponse.xml"));

        var paper = await Source(http).GetRecordAsync(ArxivId.Parse("1302.2146"), TestContext.Current.CancellationToken);

        Assert.NotNull(paper);
        Assert.Equal(2, paper.Version);
        Assert.Equal("?verb=GetRecord&identifier=oai%3AarXiv.org%3A1302.2146&metadataPrefix=arXivRaw", http.Requested[0].Query);
    }
}
