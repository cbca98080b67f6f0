using Roundup.Arxiv.Http;
using Roundup.Testing.Http;

namespace Roundup.Arxiv.Tests.Http;

public sealed class ArxivHttpClientSpacingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_to_an_arxiv_host_start_at_least_3_seconds_apart_even_when_configured_to_half_a_second()
    {
        var clock = new AutoAdvancingTimeProvider();
        await using var server = new ReplayServer(clock);
        server.Map(_ => Reply.Atom("<feed/>"));
        using var toServer = new LoopbackRedirectHandler(server.BaseUri);
        var options = TestClients.Options();
        options.MinIntervalSeconds = 0.5;
        using var client = TestClients.Create(options, clock, handler: toServer);

        foreach (var start in new[] { 0, 100, 200 })
        {
            await client.GetAsync(new Uri($"https://export.arxiv.org/api/query?search_query=cat:cs.LG&start={start}"), Ct);
        }

        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("export.arxiv.org", r.Header(LoopbackRedirectHandler.OriginalHostHeader)));
        Assert.All(TestClients.Gaps(server.Requests), gap => Assert.True(gap >= TimeSpan.FromSeconds(3), $"gap {gap}"));
        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)], clock.Waits);
    }

    [Fact]
    public async Task Other_hosts_use_the_configured_spacing()
    {
        var clock = new AutoAdvancingTimeProvider();
        await using var server = new ReplayServer(clock);
        server.Map(_ => Reply.Text("ok"));
        var options = TestClients.Options();
        options.MinIntervalSeconds = 0.5;
        using var client = TestClients.Create(options, clock);

        await client.GetAsync(server.Url("/a"), Ct);
        await client.GetAsync(server.Url("/b"), Ct);

        Assert.Equal(TimeSpan.FromSeconds(0.5), Assert.Single(TestClients.Gaps(server.Requests)));
    }

    [Fact]
    public async Task Concurrent_callers_are_served_one_at_a_time_and_spaced()
    {
        var clock = new AutoAdvancingTimeProvider();
        await using var server = new ReplayServer(clock);
        server.Map(_ => Reply.Text("ok").WithDelay(TimeSpan.FromMilliseconds(20)));
        using var client = TestClients.Create(TestClients.Options(), clock);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => client.GetAsync(server.Url($"/page/{i}"), Ct)));

        Assert.Equal(4, server.Requests.Count);
        Assert.All(TestClients.Gaps(server.Requests), gap => Assert.True(gap >= TimeSpan.FromSeconds(3), $"gap {gap}"));
    }

    [Fact]
    public async Task Time_elapsed_since_the_last_request_counts_towards_the_spacing()
    {
        var clock = new AutoAdvancingTimeProvider();
        await using var server = new ReplayServer(clock);
        server.Map(_ => Reply.Text("ok"));
        using var client = TestClients.Create(TestClients.Options(), clock);

        await client.GetAsync(server.Url("/a"), Ct);
        clock.Advance(TimeSpan.FromSeconds(2));
        await client.GetAsync(server.Url("/b"), Ct);
        clock.Advance(TimeSpan.FromSeconds(5));
        await client.GetAsync(server.Url("/c"), Ct);

        Assert.Equal([TimeSpan.FromSeconds(1)], clock.Waits);
    }
}
