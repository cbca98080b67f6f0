using Microsoft.Extensions.Logging.Abstractions;
using Roundup.Llm.Prompts;
using Roundup.Llm.Resilience;
using Roundup.Llm.Scoring;
using Roundup.Testing;
using Roundup.Testing.Llm;

namespace Roundup.Llm.Tests.Scoring;

/// <summary>Error statuses through each provider's client, over real HTTP to its fake on 127.0.0.1.</summary>
public sealed class ChatPaperScorerRefusalTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, int> Refusals => new()
    {
        { "openai", 401 }, { "openai", 403 }, { "openai", 404 },
        { "ollama", 401 }, { "ollama", 403 }, { "ollama", 404 },
        { "anthropic", 401 }, { "anthropic", 403 }, { "anthropic", 404 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refusal_ends_the_run_after_one_request_naming_the_status(string provider, int status)
    {
        await using var server = new FakeProviderServer(provider, _ => new ChatReply { Status = status, Content = "not for you" });
        var options = TestData.Options(server, _temp.Path, o => o.MaxRetries = 2);

        // 45 titles are three batches of 20, 20 and 5, and each batch may be tried three times.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestData.Scorer(options).ScoreAsync(TestData.Papers(45), TestData.Profile, TestContext.Current.CancellationToken));

        Assert.Single(server.Calls);
        Assert.Contains($"the endpoint refused the request ({status})", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("llm:test-model", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [MemberData(nameof(FakeProviderServer.Providers), MemberType = typeof(FakeProviderServer))]
    public async Task A_429_is_waited_out_and_the_next_answer_scores_the_batch(string provider)
    {
        await using var server = new FakeProviderServer(provider, call => call.Index == 0
            ? new ChatReply { Status = 429, Content = "slow down" }
            : ChatReply.ScoreAll(call, 7));
        var options = TestData.Options(server, _temp.Path, o => o.MaxRetries = 1);
        var scorer = Scorer(options, TimeSpan.FromMilliseconds(300));
        var started = TimeProvider.System.GetTimestamp();

        var results = await scorer.ScoreAsync(TestData.Papers(3), TestData.Profile, TestContext.Current.CancellationToken);

        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(290), "the scorer waited before asking again");
        Assert.Equal(2, server.Calls.Count);
        Assert.Equal(server.Calls[0].Ids, server.Calls[1].Ids);
        Assert.All(results, r => Assert.Equal(6 / 9.0, r.Score!.Value, 6));
    }

    [Theory]
    [MemberData(nameof(FakeProviderServer.Providers), MemberType = typeof(FakeProviderServer))]
    public async Task Only_429s_leave_the_papers_unscored_as_rate_limited(string provider)
    {
        await using var server = new FakeProviderServer(provider, _ => new ChatReply { Status = 429, Content = "slow down" });
        var options = TestData.Options(server, _temp.Path, o => o.MaxRetries = 1);

        var results = await Scorer(options, TimeSpan.FromMilliseconds(20)).ScoreAsync(TestData.Papers(2), TestData.Profile, TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Calls.Count);
        Assert.All(results, r => Assert.Equal("unscored: the model was rate-limited (HTTP 429) after 2 attempts", r.Unscored));
    }

    [Theory]
    [MemberData(nameof(FakeProviderServer.Providers), MemberType = typeof(FakeProviderServer))]
    public async Task A_server_error_is_still_retried_batch_by_batch(string provider)
    {
        await using var server = new FakeProviderServer(provider, call => call.Index == 0
            ? new ChatReply { Status = 500, Content = "model runner crashed" }
            : ChatReply.ScoreAll(call, 4));
        var options = TestData.Options(server, _temp.Path, o => o.MaxRetries = 1);

        var results = await TestData.Scorer(options).ScoreAsync(TestData.Papers(2), TestData.Profile, TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Calls.Count);
        Assert.All(results, r => Assert.Equal(3 / 9.0, r.Score!.Value, 6));
    }

    private static ChatPaperScorer Scorer(LlmOptions options, TimeSpan rateLimitWait) =>
        new(ChatClientFactory.Create(options, resilience: new ChatResilience { RateLimitWait = rateLimitWait }), options, ChatStage.Title, new PromptLibrary(), NullLogger.Instance);
}
