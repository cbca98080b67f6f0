using Roundup.Llm.Prompts;
using Roundup.Llm.Scoring;
using Roundup.Testing.Llm;
using Roundup.Selection;
using Roundup.Testing;

namespace Roundup.Llm.Tests.Scoring;

public sealed class ChatPaperScorerCacheTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string CacheDirectory => _temp.File("cache");

    [Fact]
    public async Task A_second_run_of_the_same_batch_makes_no_request_and_costs_nothing()
    {
        await using var server = new FakeChatServer(call => ChatReply.ScoreAll(call, 7));
        var options = TestData.Options(server, CacheDirectory);
        var papers = TestData.Papers(3);
        var first = await TestData.Scorer(options).ScoreAsync(papers, TestData.Profile, TestContext.Current.CancellationToken);

        var again = TestData.Scorer(options);
        var second = await again.ScoreAsync(papers, TestData.Profile, TestContext.Current.CancellationToken);

        Assert.Single(server.Calls);
        Assert.Equal(ScorerUsage.None, again.TakeUsage());
        Assert.Equal(first.Select(r => (r.Paper, r.Score, r.Contributions[0].Label)), second.Select(r => (r.Paper, r.Score, r.Contributions[0].Label)));
    }

    [Fact]
    public async Task A_changed_abstract_or_profile_asks_again()
    {
        await using var server = new FakeChatServer(call => ChatReply.ScoreAll(call, 7));
        var options = TestData.Options(server, CacheDirectory);
        var paper = TestData.Paper("2506.00001", "Same title", "First abstract.");
        await TestData.Scorer(options, ChatStage.Abstract).ScoreAsync([paper], TestData.Profile, TestContext.Current.CancellationToken);

        await TestData.Scorer(options, ChatStage.Abstract).ScoreAsync([paper with { Abstract = "Revised abstract." }], TestData.Profile, TestContext.Current.CancellationToken);
        await TestData.Scorer(options, ChatStage.Abstract).ScoreAsync([paper], TestData.Profile with { Criteria = ["Only robotics"] }, TestContext.Current.CancellationToken);

        Assert.Equal(3, server.Calls.Count);
    }

    [Fact]
    public async Task Only_the_papers_unscored_last_time_are_asked_for_on_a_rerun()
    {
        var runs = 0;
        await using var server = new FakeChatServer(call => runs == 0
            ? ChatReply.Scores([.. call.Ids.Where(id => id != "2506.00002").Select(id => (id, 5, "ok"))])
            : ChatReply.ScoreAll(call, 9));
        var options = TestData.Options(server, CacheDirectory, o => o.MaxRetries = 0);
        var papers = TestData.Papers(3);
        var first = await TestData.Scorer(options).ScoreAsync(papers, TestData.Profile, TestContext.Current.CancellationToken);
        Assert.NotNull(first[1].Unscored);

        runs = 1;
        var second = await TestData.Scorer(options).ScoreAsync(papers, TestData.Profile, TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Calls.Count);
        Assert.Equal(["2506.00002"], server.Calls[1].Ids);
        Assert.All(second, r => Assert.NotNull(r.Score));
        Assert.Equal(first[0].Score, second[0].Score);
    }

    [Fact]
    public async Task A_corrupt_cache_entry_is_a_miss()
    {
        await using var server = new FakeChatServer(call => ChatReply.ScoreAll(call, 7));
        var options = TestData.Options(server, CacheDirectory);
        var papers = TestData.Papers(2);
        await TestData.Scorer(options).ScoreAsync(papers, TestData.Profile, TestContext.Current.CancellationToken);
        var entry = Assert.Single(Directory.GetFiles(CacheDirectory, "*", SearchOption.AllDirectories));
        await File.WriteAllTextAsync(entry, "{\"version\": 1, \"scores\": [ {\"id\": ", TestContext.Current.CancellationToken);

        var results = await TestData.Scorer(options).ScoreAsync(papers, TestData.Profile, TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Calls.Count);
        Assert.All(results, r => Assert.NotNull(r.Score));
    }

    [Fact]
    public async Task A_changed_prompt_override_changes_the_id_and_asks_again()
    {
        await using var server = new FakeChatServer(call => ChatReply.ScoreAll(call, 7));
        var options = TestData.Options(server, CacheDirectory);
        var overrides = _temp.File("prompts");
        Directory.CreateDirectory(overrides);
        var papers = TestData.Papers(2);
        var before = TestData.Scorer(options, ChatStage.Title, new PromptLibrary(overrides));
        await before.ScoreAsync(papers, TestData.Profile, TestContext.Current.CancellationToken);

        await File.WriteAllTextAsync(Path.Combine(overrides, "title.md"), "Curator's own screen for {{name}}. Keep anything about {{favoured}}.", TestContext.Current.CancellationToken);
        var after = TestData.Scorer(options, ChatStage.Title, new PromptLibrary(overrides));
        await after.ScoreAsync(papers, TestData.Profile, TestContext.Current.CancellationToken);

        Assert.NotEqual(before.Id, after.Id);
        Assert.StartsWith("llm:test-model:title-v1:", after.Id, StringComparison.Ordinal);
        Assert.Equal(2, server.Calls.Count);
        Assert.StartsWith("Curator's own screen for Test Weekly. Keep anything about - LLM inference", server.Calls[1].System, StringComparison.Ordinal);
        Assert.Contains(PaperPrompt.DataRule, server.Calls[1].System, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_cache_directory_turns_the_cache_off()
    {
        await using var server = new FakeChatServer(call => ChatReply.ScoreAll(call, 7));
        var options = TestData.Options(server, "");
        var papers = TestData.Papers(1);

        await TestData.Scorer(options).ScoreAsync(papers, TestData.Profile, TestContext.Current.CancellationToken);
        await TestData.Scorer(options).ScoreAsync(papers, TestData.Profile, TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Calls.Count);
    }
}
