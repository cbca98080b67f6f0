using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Roundup.Llm.Providers;
using Roundup.Llm.Resilience;
using Roundup.Testing.Http;

namespace Roundup.Llm.Tests.Resilience;

/// <summary>The pipeline in front of every provider's client, on a fake clock: no test waits for real time to pass.</summary>
public sealed class ResilientChatClientTests
{
    private const string Target = "test-model at http://127.0.0.1:9/v1";

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task A_429_is_waited_out_for_as_long_as_its_retry_after_asks_then_the_answer_comes_through()
    {
        using var inner = new ScriptedChatClient((call, _) => call == 0 ? throw Status(429, retryAfter: "30") : Task.FromResult(ScriptedChatClient.Answer()));
        using var client = Client(inner);

        var asking = client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken);
        await inner.CalledAsync(1);
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(asking.IsCompleted, "asked again before the 30 s Retry-After had passed");
        Assert.Equal(1, inner.Calls);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("ok", (await asking).Text);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task A_429_that_names_no_wait_is_waited_out_for_the_default()
    {
        using var inner = new ScriptedChatClient((call, _) => call == 0 ? throw Status(429) : Task.FromResult(ScriptedChatClient.Answer()));
        using var client = Client(inner, settings: new ChatResilience { Time = _time, RateLimitWait = TimeSpan.FromSeconds(5) });

        var asking = client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken);
        await inner.CalledAsync(1);
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(asking.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal("ok", (await asking).Text);
    }

    [Fact]
    public async Task A_retry_after_beyond_the_bound_gives_up_at_once_saying_what_was_asked()
    {
        using var inner = new ScriptedChatClient((_, _) => throw Status(429, retryAfter: "3600"));
        using var client = Client(inner);

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(() => client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(1, inner.Calls);
        Assert.Equal(1, error.Attempts);
        Assert.Equal("was rate-limited (HTTP 429) and asked to wait 3600 s, more than the 60 s allowed", error.Problem);
        Assert.Equal($"{Target}: the model {error.Problem} after 1 attempt", error.Message);
        Assert.IsType<ProviderHttpException>(error.InnerException);
    }

    [Fact]
    public async Task Each_attempt_has_its_own_deadline_and_a_late_one_is_asked_again()
    {
        using var inner = new ScriptedChatClient((call, token) => call == 0 ? ScriptedChatClient.NeverAsync(token) : Task.FromResult(ScriptedChatClient.Answer()));
        using var client = Client(inner, timeoutSeconds: 10);

        var asking = client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken);
        await inner.CalledAsync(1);
        _time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.False(asking.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal("ok", (await asking).Text);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task Timeouts_on_every_attempt_give_up_naming_the_model_the_endpoint_and_the_limit()
    {
        using var inner = new ScriptedChatClient((_, token) => ScriptedChatClient.NeverAsync(token));
        using var client = Client(inner, maxRetries: 2, timeoutSeconds: 10);

        var asking = client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken);
        for (var call = 1; call <= 3; call++)
        {
            await inner.CalledAsync(call);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(() => asking);
        Assert.Equal(3, inner.Calls);
        Assert.Equal(("timed out", 3), (error.Problem, error.Attempts));
        Assert.Equal($"{Target}: the model timed out after 3 attempts (10 s per attempt)", error.Message);
    }

    [Fact]
    public async Task Failures_on_every_attempt_give_up_naming_the_model_and_endpoint_after_logging_each_retry()
    {
        var logger = new RecordingLogger<ResilientChatClient>();
        using var inner = new ScriptedChatClient((_, _) => throw Status(500, detail: "model runner crashed"));
        using var client = Client(inner, maxRetries: 2, settings: new ChatResilience { Time = _time, Logger = logger });

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(() => client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(3, inner.Calls);
        Assert.Equal($"{Target}: the model request failed (HTTP 500: model runner crashed) after 3 attempts", error.Message);
        Assert.Equal(500, ProviderFailure.Status(error));
        Assert.Equal(
            [$"{Target}: attempt 1/3: the model request failed (HTTP 500: model runner crashed); asking again in 0 s", $"{Target}: attempt 2/3: the model request failed (HTTP 500: model runner crashed); asking again in 0 s"],
            logger.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message));
    }

    [Fact]
    public async Task A_server_error_is_asked_again_at_once()
    {
        using var inner = new ScriptedChatClient((call, _) => call == 0 ? throw Status(503) : Task.FromResult(ScriptedChatClient.Answer()));
        using var client = Client(inner, maxRetries: 1);

        var response = await client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("ok", response.Text);
        Assert.Equal(2, inner.Calls);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task A_refusal_is_asked_once_and_every_later_call_is_refused_without_a_request(int status)
    {
        using var inner = new ScriptedChatClient((_, _) => throw Status(status, detail: "invalid key"));
        using var client = Client(inner, maxRetries: 2);

        var first = await Assert.ThrowsAsync<LlmRefusedException>(() => client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken));
        var later = await Assert.ThrowsAsync<LlmRefusedException>(() => client.GetResponseAsync([new(ChatRole.User, "again")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(1, inner.Calls);
        Assert.All([first, later], e =>
        {
            Assert.Equal(status, e.Status);
            Assert.Equal($"the endpoint refused the request ({status}): invalid key", e.Problem);
            Assert.Equal($"{Target}: {e.Problem}", e.Message);
            Assert.Equal(status, ProviderFailure.Status(e));
        });
    }

    [Fact]
    public async Task A_failure_of_the_call_itself_passes_through_unretried()
    {
        using var inner = new ScriptedChatClient((_, _) => throw new InvalidOperationException("the prompt does not fit the 128-token context"));
        using var client = Client(inner, maxRetries: 2);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("the prompt does not fit the 128-token context", error.Message);
        Assert.Equal(1, inner.Calls);
        Assert.Equal(("request failed (the prompt does not fit the 128-token context)", 1), LlmUnavailableException.Describe(error));
    }

    [Fact]
    public async Task The_callers_cancellation_is_neither_retried_nor_taken_for_a_timeout()
    {
        using var inner = new ScriptedChatClient((_, token) => ScriptedChatClient.NeverAsync(token));
        using var client = Client(inner, maxRetries: 2);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var asking = client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: cancel.Token);
        await inner.CalledAsync(1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asking);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task A_stream_gets_one_deadline_over_the_whole_answer()
    {
        using var inner = new ScriptedChatClient((_, _) => throw new NotSupportedException()) { StreamsForever = true };
        using var client = Client(inner, timeoutSeconds: 10);
        var updates = new List<ChatResponseUpdate>();

        var reading = Task.Run(
            async () =>
            {
                await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken))
                {
                    updates.Add(update);
                }
            },
            TestContext.Current.CancellationToken);
        await inner.CalledAsync(1);
        _time.Advance(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(() => reading);
        Assert.Equal("first words", Assert.Single(updates).Text);
        Assert.Equal($"{Target}: the model timed out after 1 attempt (10 s per attempt)", error.Message);
    }

    [Fact]
    public void The_attempts_and_the_deadline_come_from_the_options()
    {
        using var inner = new ScriptedChatClient((_, _) => Task.FromResult(ScriptedChatClient.Answer()));
        using var client = Client(inner, maxRetries: 4, timeoutSeconds: 7);

        Assert.Equal((5, TimeSpan.FromSeconds(7), Target), (client.Attempts, client.Timeout, client.Target));
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(1e7)]
    public async Task A_deadline_outside_what_polly_takes_is_brought_within_it(double seconds)
    {
        using var inner = new ScriptedChatClient((_, _) => Task.FromResult(ScriptedChatClient.Answer()));
        using var client = Client(inner, timeoutSeconds: seconds);

        Assert.Equal("ok", (await client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken)).Text);
        Assert.Equal(TimeSpan.FromSeconds(seconds), client.Timeout);
    }

    private ResilientChatClient Client(ScriptedChatClient inner, int maxRetries = 1, double timeoutSeconds = 30, ChatResilience? settings = null) =>
        new(inner, new LlmOptions { Endpoint = "http://127.0.0.1:9/v1", Model = "test-model", MaxRetries = maxRetries, TimeoutSeconds = timeoutSeconds }, settings ?? new ChatResilience { Time = _time });

    private static ProviderHttpException Status(int status, string? retryAfter = null, string detail = "no") =>
        new((HttpStatusCode)status, retryAfter, null, detail);
}
