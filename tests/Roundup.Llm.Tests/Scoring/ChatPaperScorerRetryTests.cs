using Microsoft.Extensions.Logging.Abstractions;
using Roundup.Llm.Prompts;
using Roundup.Llm.Resilience;
using Roundup.Llm.Scoring;
using Roundup.Testing.Llm;
using Roundup.Selection;
using Roundup.Testing;

namespace Roundup.Llm.Tests.Scoring;

public sealed class ChatPaperScorerRetryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Malformed_json_is_retried_and_the_second_answer_scores_the_batch()
    {
        await using var server = new FakeChatServer(call => call.Index == 0 ? ChatReply.Raw("{\"papers\": [ {\"id\": \"2506.0") : ChatReply.ScoreAll(call, 9));
        var scorer = TestData.Scorer(TestData.Options(server, _temp.Path));

        var results = await scorer.ScoreAsync(TestData.Papers(3), TestData.Profile, TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Calls.Count);
        Assert.Equal(server.Calls[0].Ids, server.Calls[1].Ids);
        Assert.All(results, r => Assert.Equal(1.0 * 8 / 9, r.Score!.Value, 6));
        Assert.Equal(new ScorerUsage(200, 40, 0.00036m), scorer.TakeUsage());
    }

    [Fact]
    public async Task Answers_for_the_wrong_ids_are_retried_then_the_papers_come_back_unscored()
    {
        await using var server = new FakeChatServer(_ => ChatReply.Scores(("9999.99999", 10, "great"), ("2401.00001", 9, "fine")));
        var scorer = TestData.Scorer(TestData.Options(server, _temp.Path, o => o.MaxRetries = 2));

        var results = await scorer.ScoreAsync(TestData.Papers(2), TestData.Profile, TestContext.Current.CancellationToken);

        Assert.Equal(3, server.Calls.Count);
        Assert.Equal(2, results.Count);
        Assert.All(results, r =>
        {
            Assert.Null(r.Score);
            Assert.Empty(r.Contributions);
            Assert.StartsWith("unscored: the model gave no score for it", r.Unscored, StringComparison.Ordinal);
            Assert.Contains("9999.99999", r.Unscored, StringComparison.Ordinal);
            Assert.EndsWith("after 3 attempts", r.Unscored, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Missing_ids_are_asked_for_again_and_only_they()
    {
        await using var server = new FakeChatServer(call => call.Index == 0
            ? ChatReply.Scores(("2506.00001", 7, "good"))
            : ChatReply.ScoreAll(call, 3));
        var scorer = TestData.Scorer(TestData.Options(server, _temp.Path));

        var results = await scorer.ScoreAsync(TestData.Papers(3), TestData.Profile, TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Calls.Count);
        Assert.Equal(["2506.00002", "2506.00003"], server.Calls[1].Ids);
        Assert.Equal([6 / 9.0, 2 / 9.0, 2 / 9.0], results.Select(r => Math.Round(r.Score!.Value, 6)), new RoundedComparer());
    }

    [Fact]
    public async Task A_429_is_asked_again_whole_by_the_client_then_the_missing_papers_alone_by_the_scorer()
    {
        await using var server = new FakeChatServer(call => call.Index switch
        {
            0 => new ChatReply { Status = 429, Content = "slow down" },
            1 => ChatReply.Scores(("2506.00001", 7, "good")),
            _ => ChatReply.ScoreAll(call, 3),
        });
        var options = TestData.Options(server, _temp.Path, o => o.MaxRetries = 1);
        using var client = ChatClientFactory.Create(options, resilience: new ChatResilience { RateLimitWait = TimeSpan.Zero });
        var scorer = new ChatPaperScorer(client, options, ChatStage.Title, new PromptLibrary(), NullLogger.Instance);

        var results = await scorer.ScoreAsync(TestData.Papers(3), TestData.Profile, TestContext.Current.CancellationToken);

        Assert.Equal(3, server.Calls.Count);
        Assert.Equal(["2506.00001", "2506.00002", "2506.00003"], server.Calls[1].Ids);
        Assert.Equal(server.Calls[0].User, server.Calls[1].User);
        Assert.Equal(["2506.00002", "2506.00003"], server.Calls[2].Ids);
        Assert.Equal([6 / 9.0, 2 / 9.0, 2 / 9.0], results.Select(r => Math.Round(r.Score!.Value, 6)), new RoundedComparer());
    }

    [Fact]
    public async Task A_paper_never_answered_is_unscored_while_the_rest_of_the_batch_is_scored()
    {
        await using var server = new FakeChatServer(call => ChatReply.Scores([.. call.Ids.Where(id => id != "2506.00002").Select(id => (id, 5, "ok"))]));
        var scorer = TestData.Scorer(TestData.Options(server, _temp.Path, o => o.MaxRetries = 1));

        var results = await scorer.ScoreAsync(TestData.Papers(3), TestData.Profile, TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Calls.Count);
        Assert.Equal(["2506.00002"], server.Calls[1].Ids);
        Assert.Equal("unscored: the model gave no score for it after 2 attempts", results[1].Unscored);
        Assert.NotNull(results[0].Score);
        Assert.NotNull(results[2].Score);
    }

    [Fact]
    public async Task Out_of_range_and_duplicate_scores_are_invalid()
    {
        await using var server = new FakeChatServer(call => ChatReply.Scores(("2506.00001", 11, "too high"), ("2506.00002", 4, "a"), ("2506.00002", 5, "b")));
        var scorer = TestData.Scorer(TestData.Options(server, _temp.Path, o => o.MaxRetries = 0));

        var results = await scorer.ScoreAsync(TestData.Papers(2), TestData.Profile, TestContext.Current.CancellationToken);

        Assert.Single(server.Calls);
        Assert.Equal("unscored: the model gave a score of 11, outside 1-10 after 1 attempt", results[0].Unscored);
        Assert.Equal("unscored: the model scored it more than once after 1 attempt", results[1].Unscored);
    }

    [Fact]
    public async Task A_timeout_is_retried_and_a_later_answer_counts()
    {
        await using var server = new FakeChatServer(call => call.Index == 0
            ? ChatReply.ScoreAll(call) with { Delay = TimeSpan.FromSeconds(8) }
            : ChatReply.ScoreAll(call, 6));
        var scorer = TestData.Scorer(TestData.Options(server, _temp.Path, o => o.TimeoutSeconds = 1.5));

        var results = await scorer.ScoreAsync(TestData.Papers(2), TestData.Profile, TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Calls.Count);
        Assert.All(results, r => Assert.Equal(5 / 9.0, r.Score!.Value, 6));

        // Only the answered call is billed: a timed-out one reports no usage.
        Assert.Equal(100, scorer.TakeUsage().InputTokens);
    }

    [Fact]
    public async Task Timeouts_on_every_attempt_leave_the_papers_unscored()
    {
        await using var server = new FakeChatServer(call => ChatReply.ScoreAll(call) with { Delay = TimeSpan.FromSeconds(8) });
        var scorer = TestData.Scorer(TestData.Options(server, _temp.Path, o =>
        {
            o.TimeoutSeconds = 1.5;
            o.MaxRetries = 2;
        }));

        var results = await scorer.ScoreAsync(TestData.Papers(2), TestData.Profile, TestContext.Current.CancellationToken);

        Assert.Equal(3, server.Calls.Count);
        Assert.All(results, r => Assert.Equal("unscored: the model timed out after 3 attempts", r.Unscored));
        Assert.Equal(ScorerUsage.None, scorer.TakeUsage());
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_taken_for_a_timeout()
    {
        await using var server = new FakeChatServer(call => ChatReply.ScoreAll(call) with { Delay = TimeSpan.FromSeconds(8) });
        var scorer = TestData.Scorer(TestData.Options(server, _temp.Path));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scorer.ScoreAsync(TestData.Papers(1), TestData.Profile, cancel.Token));

        Assert.True(server.Calls.Count <= 1, $"a cancelled call was retried: {server.Calls.Count} calls");   // under load it may not even have arrived
    }

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-6;

        public int GetHashCode(double obj) => 0;
    }
}
