using Roundup.Testing.Llm;
using Roundup.Selection;
using Roundup.Testing;

namespace Roundup.Llm.Tests.Scoring;

public sealed class ChatPaperScorerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Scores_a_batch_in_requests_of_the_stage_batch_size_and_sums_usage_and_cost()
    {
        await using var server = new FakeChatServer(call => ChatReply.ScoreAll(call, score: 8));
        var options = TestData.Options(server, _temp.Path, o => o.BatchSize.Title = 2);
        var scorer = TestData.Scorer(options);
        var papers = TestData.Papers(3);

        var results = await scorer.ScoreAsync(papers, TestData.Profile, TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Calls.Count);
        Assert.Equal(["2506.00001", "2506.00002"], server.Calls[0].Ids);
        Assert.Equal(["2506.00003"], server.Calls[1].Ids);
        Assert.Equal(papers.Select(p => p.Id), results.Select(r => r.Paper));
        Assert.All(results, r =>
        {
            Assert.Null(r.Unscored);
            Assert.Equal(7 / 9.0, r.Score!.Value, 6);
            var contribution = Assert.Single(r.Contributions);
            Assert.Equal(r.Score.Value, contribution.Value, 6);
            Assert.Equal($"LLM (test-model): fits the criteria ({r.Paper.Canonical})", contribution.Label);
        });

        // 2 calls x (100 in, 20 out) at $1 / $4 per million.
        Assert.Equal(new ScorerUsage(200, 40, 0.00036m), scorer.TakeUsage());
        Assert.Equal(ScorerUsage.None, scorer.TakeUsage());
    }

    [Fact]
    public async Task Sends_the_rendered_prompt_the_model_and_a_json_schema_response_format()
    {
        await using var server = new FakeChatServer(call => ChatReply.ScoreAll(call));
        var scorer = TestData.Scorer(TestData.Options(server, _temp.Path), ChatStage.Abstract);

        await scorer.ScoreAsync([TestData.Paper("2506.00001", "Fast attention", "We make attention fast.")], TestData.Profile, TestContext.Current.CancellationToken);

        var call = Assert.Single(server.Calls);
        Assert.Equal("test-model", call.Model);
        Assert.Contains("Test Weekly", call.System, StringComparison.Ordinal);
        Assert.Contains("- Methods that make training cheaper", call.System, StringComparison.Ordinal);
        Assert.Contains("- leaderboard chasing", call.System, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", call.System, StringComparison.Ordinal);
        Assert.Contains("<title>Fast attention</title>", call.User, StringComparison.Ordinal);
        Assert.Contains("<abstract>We make attention fast.</abstract>", call.User, StringComparison.Ordinal);
        Assert.Equal("json_schema", call.ResponseFormat?["type"]?.GetValue<string>());
        Assert.Contains("papers", call.ResponseFormat!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_title_stage_sends_titles_only_and_says_it_is_recall_oriented()
    {
        await using var server = new FakeChatServer(call => ChatReply.ScoreAll(call));
        var scorer = TestData.Scorer(TestData.Options(server, _temp.Path), ChatStage.Title);

        await scorer.ScoreAsync([TestData.Paper("2506.00001", "Fast attention", "We make attention fast.")], TestData.Profile, TestContext.Current.CancellationToken);

        var call = Assert.Single(server.Calls);
        Assert.DoesNotContain("We make attention fast.", call.User, StringComparison.Ordinal);
        Assert.Contains("when unsure, keep", call.System, StringComparison.Ordinal);
        Assert.Equal(Evidence.Title, scorer.Reads);
    }

    [Fact]
    public void The_id_names_model_stage_version_and_prompt_hash()
    {
        var options = new LlmOptions { Model = "gpt-4o-mini", ApiKey = "sk-test" };
        var prompts = new Roundup.Llm.Prompts.PromptLibrary();

        var title = TestData.Scorer(options, ChatStage.Title, prompts);
        var summary = TestData.Scorer(options, ChatStage.Abstract, prompts);
        options.Endpoint = "http://127.0.0.1:1/v1";
        var elsewhere = TestData.Scorer(options, ChatStage.Title, prompts);

        Assert.Equal($"llm:gpt-4o-mini:title-v1:{prompts.Get("title.md").Hash[..8]}", title.Id);
        Assert.StartsWith("llm:gpt-4o-mini:abstract-v1:", summary.Id, StringComparison.Ordinal);
        Assert.Equal(Evidence.Abstract, summary.Reads);

        // Settings away from their defaults (here another endpoint) add a hash of themselves.
        Assert.Matches($"^llm:gpt-4o-mini:title-v1:{prompts.Get("title.md").Hash[..8]}~[0-9a-f]{{8}}$", elsewhere.Id);
    }

    [Fact]
    public async Task Reasons_are_stripped_of_control_characters_and_cut_to_about_200_characters()
    {
        var reason = "Good\u0007 paper\r\nwith\u202E tricks " + new string('x', 50) + " " + string.Join(' ', Enumerable.Repeat("word", 100));
        await using var server = new FakeChatServer(call => ChatReply.Scores((call.Ids[0], 6, reason)));
        var scorer = TestData.Scorer(TestData.Options(server, _temp.Path));

        var result = Assert.Single(await scorer.ScoreAsync([TestData.Paper("2506.00001")], TestData.Profile, TestContext.Current.CancellationToken));

        var label = Assert.Single(result.Contributions).Label;
        var text = label["LLM (test-model): ".Length..];
        Assert.StartsWith("Good paper with tricks xxx", text, StringComparison.Ordinal);
        Assert.True(text.Length <= 200, $"{text.Length} characters");
        Assert.EndsWith("…", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text, c => char.IsControl(c) || c == '\u202E');
    }

    [Fact]
    public async Task A_refused_key_fails_the_batch_loudly_instead_of_unscoring_it()
    {
        await using var server = new FakeChatServer(_ => new ChatReply { Status = 401, Content = "bad key" });
        var scorer = TestData.Scorer(TestData.Options(server, _temp.Path));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scorer.ScoreAsync(TestData.Papers(2), TestData.Profile, TestContext.Current.CancellationToken));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Calls);
    }
}
