using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Roundup.Arxiv.Http;
using Roundup.Testing.Http;

namespace Roundup.Arxiv.Tests.Http;

public sealed class ArxivHttpClientRetryTests
{
    private const string Query = "/api/query?id_list=2401.00001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Throttled_then_unavailable_then_ok_returns_the_body_honouring_Retry_After_and_spacing()
    {
        var clock = new AutoAdvancingTimeProvider();
        await using var server = new ReplayServer(clock);
        server.Enqueue(Query, Reply.TooManyRequests(), Reply.ServiceUnavailable(retryAfterSeconds: 7), Reply.Atom("<feed/>"));
        var logger = new RecordingLogger<ArxivHttpClient>();
        using var client = TestClients.Create(TestClients.Options(), clock, logger);

        var response = await client.GetAsync(server.Url(Query), Ct);

        Assert.Equal("<feed/>", response.ReadText());
        Assert.False(response.FromCache);
        Assert.Equal(3, server.Requests.Count);
        var waits = clock.Waits;
        Assert.Equal(2, waits.Count);
        Assert.InRange(waits[0].TotalSeconds, 10, 15); // no Retry-After on the 429: base backoff with jitter
        Assert.Equal(TimeSpan.FromSeconds(7), waits[1]);
        Assert.All(TestClients.Gaps(server.Requests), gap => Assert.True(gap >= TimeSpan.FromSeconds(3), $"gap {gap}"));
        var warnings = logger.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("429", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("503", warnings[1].Message, StringComparison.Ordinal);
        Assert.All(warnings, w => Assert.Contains(server.Url(Query).ToString(), w.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Retry_After_shorter_than_the_spacing_still_waits_for_the_spacing()
    {
        var clock = new AutoAdvancingTimeProvider();
        await using var server = new ReplayServer(clock);
        server.Enqueue(Query, Reply.ServiceUnavailable(retryAfterSeconds: 1), Reply.Text("ok"));
        using var client = TestClients.Create(TestClients.Options(), clock);

        await client.GetAsync(server.Url(Query), Ct);

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], clock.Waits);
        Assert.Equal(TimeSpan.FromSeconds(3), Assert.Single(TestClients.Gaps(server.Requests)));
    }

    [Fact]
    public async Task A_Retry_After_date_is_honoured_and_capped_at_the_maximum_backoff()
    {
        var clock = new AutoAdvancingTimeProvider();
        await using var server = new ReplayServer(clock);
        server.Enqueue(
            Query,
            Reply.ServiceUnavailable().WithRetryAfter(clock.GetUtcNow().AddSeconds(42)),
            Reply.TooManyRequests(retryAfterSeconds: 86_400),
            Reply.Text("ok"));
        var options = TestClients.Options();
        options.BackoffMaxSeconds = 120;
        using var client = TestClients.Create(options, clock);

        await client.GetAsync(server.Url(Query), Ct);

        Assert.Equal([TimeSpan.FromSeconds(42), TimeSpan.FromSeconds(120)], clock.Waits);
    }

    [Fact]
    public async Task Without_Retry_After_the_backoff_doubles_up_to_the_maximum()
    {
        var clock = new AutoAdvancingTimeProvider();
        await using var server = new ReplayServer(clock);
        server.Enqueue(Query, Reply.TooManyRequests(), Reply.TooManyRequests(), Reply.TooManyRequests(), Reply.Text("ok"));
        var options = TestClients.Options();
        options.BackoffMaxSeconds = 35;
        using var client = TestClients.Create(options, clock);

        await client.GetAsync(server.Url(Query), Ct);

        var waits = clock.Waits.Select(w => w.TotalSeconds).ToArray();
        Assert.Equal(3, waits.Length);
        Assert.InRange(waits[0], 10, 15);
        Assert.InRange(waits[1], 20, 30);
        Assert.Equal(35, waits[2]);
    }

    [Fact]
    public async Task A_spent_budget_throws_naming_the_url_and_the_attempts()
    {
        var clock = new AutoAdvancingTimeProvider();
        await using var server = new ReplayServer(clock);
        server.Always(Query, Reply.ServiceUnavailable());
        var options = TestClients.Options();
        options.MaxRetries = 2;
        using var client = TestClients.Create(options, clock);
        var url = server.Url(Query);

        var error = await Assert.ThrowsAsync<ArxivHttpException>(() => client.GetAsync(url, Ct));

        Assert.Equal(3, error.Attempts);
        Assert.Equal(503, error.LastStatus);
        Assert.Equal(url, error.Url);
        Assert.Contains(url.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_not_found_is_not_retried()
    {
        var clock = new AutoAdvancingTimeProvider();
        await using var server = new ReplayServer(clock);
        server.Enqueue(Query, Reply.NotFound("no such paper"), Reply.Text("never asked for"));
        using var client = TestClients.Create(TestClients.Options(), clock);

        var error = await Assert.ThrowsAsync<ArxivHttpException>(() => client.GetAsync(server.Url(Query), Ct));

        Assert.Equal(1, error.Attempts);
        Assert.Equal(404, error.LastStatus);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.Contains("no such paper", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
        Assert.Empty(clock.Waits);
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried()
    {
        var clock = new AutoAdvancingTimeProvider();
        await using var server = new ReplayServer(clock);
        // The first answer never comes in time (the server's stopping ends the wait); the second comes at once.
        server.Enqueue(Query, Reply.Text("too late").WithDelay(TimeSpan.FromHours(1)), Reply.Text("ok"));
        var options = TestClients.Options();
        options.TimeoutSeconds = 0.2;
        // The time-out runs on a clock only this test moves: the retry cannot time out however slow the machine.
        var wire = new FakeTimeProvider();
        var logger = new RecordingLogger<ArxivHttpClient>();
        using var client = new ArxivHttpClient(options, clock, logger) { TimeoutClock = wire };

        var get = client.GetAsync(server.Url(Query), Ct);
        while (server.Requests.Count == 0 && !get.IsCompleted)
        {
            await Task.Delay(10, Ct);
        }

        wire.Advance(TimeSpan.FromSeconds(0.2));
        var response = await get;

        Assert.Equal("ok", response.ReadText());
        Assert.Equal(2, server.Requests.Count);
        var retry = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("TimeoutException: no complete answer within 0.2 s", retry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_cut_short_is_retried()
    {
        var clock = new AutoAdvancingTimeProvider();
        await using var server = new ReplayServer(clock);
        server.Enqueue(Query, Reply.Text(new string('x', 50_000)).CutAfter(1_000), Reply.Text("whole"));
        using var client = TestClients.Create(TestClients.Options(), clock);

        var response = await client.GetAsync(server.Url(Query), Ct);

        Assert.Equal("whole", response.ReadText());
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported_without_a_status()
    {
        var clock = new AutoAdvancingTimeProvider();
        var options = TestClients.Options();
        options.MaxRetries = 2;
        using var client = TestClients.Create(options, clock);
        var url = new Uri($"http://127.0.0.1:{ClosedPort()}/oai?verb=Identify");

        var error = await Assert.ThrowsAsync<ArxivHttpException>(() => client.GetAsync(url, Ct));

        Assert.Equal(3, error.Attempts);
        Assert.Null(error.LastStatus);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(2, clock.Waits.Count);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_turned_into_a_retry_or_an_ArxivHttpException()
    {
        var clock = new AutoAdvancingTimeProvider();
        await using var server = new ReplayServer(clock);
        server.Always(Query, Reply.Text("slow").WithDelay(TimeSpan.FromSeconds(30)));
        using var client = TestClients.Create(TestClients.Options(), clock);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync(server.Url(Query), cancel.Token));

        Assert.Single(server.Requests);
    }

    private static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
