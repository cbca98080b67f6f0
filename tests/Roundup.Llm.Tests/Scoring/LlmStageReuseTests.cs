using Microsoft.Extensions.Logging.Abstractions;
using Roundup.Llm.Scoring;
using Roundup.Papers;
using Roundup.Selection;
using Roundup.Storage.Sqlite;
using Roundup.Testing;
using Roundup.Testing.Llm;

namespace Roundup.Llm.Tests.Scoring;

/// <summary>The funnel over real SQLite with an LLM title stage: the scorer's id decides whether a stage is reused.</summary>
public sealed class LlmStageReuseTests : IDisposable
{
    private static readonly SelectionKey Week = SelectionKey.Parse("2025-W26");

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> NotAnswerChanging => ["TimeoutSeconds", "MaxRetries", "InputPricePerMillion", "ApiKey"];

    public static TheoryData<string> AnswerChanging => ["MaxOutputTokens", "Endpoint", "BatchSize"];

    [Theory]
    [MemberData(nameof(NotAnswerChanging))]
    public async Task An_unchanged_configuration_reuses_the_stage_even_when_other_settings_change(string setting)
    {
        await using var server = new FakeProviderServer("anthropic", call => ChatReply.ScoreAll(call, 6));
        await using var store = await SqliteStore.OpenAsync(_temp.File("roundup.db"), cancellationToken: TestContext.Current.CancellationToken);
        var first = await RunAsync(store, Options(server));
        var calls = server.Calls.Count;

        var again = await RunAsync(store, Options(server, o => Change(o, setting, server)));

        Assert.False(first.Reused);
        Assert.True(again.Reused, $"changing {setting} reran the stage");
        Assert.Equal(calls, server.Calls.Count);
    }

    [Theory]
    [MemberData(nameof(AnswerChanging))]
    public async Task An_answer_changing_setting_reruns_the_stage_and_asks_the_model_again(string setting)
    {
        await using var server = new FakeProviderServer("anthropic", call => ChatReply.ScoreAll(call, 6));
        await using var store = await SqliteStore.OpenAsync(_temp.File("roundup.db"), cancellationToken: TestContext.Current.CancellationToken);
        await RunAsync(store, Options(server));
        var calls = server.Calls.Count;

        // Another fake at another address stands in for the same model served elsewhere.
        await using var elsewhere = new FakeProviderServer("anthropic", call => ChatReply.ScoreAll(call, 6));
        var changed = await RunAsync(store, Options(server, o => Change(o, setting, elsewhere)));

        Assert.False(changed.Reused, $"changing {setting} reused the stage");
        Assert.True(server.Calls.Count + elsewhere.Calls.Count > calls, $"changing {setting} answered from the cache");
    }

    private static void Change(LlmOptions options, string setting, FakeProviderServer other)
    {
        switch (setting)
        {
            case "TimeoutSeconds": options.TimeoutSeconds = 30; break;
            case "MaxRetries": options.MaxRetries = 0; break;
            case "InputPricePerMillion": options.InputPricePerMillion = 9m; break;
            case "ApiKey": options.ApiKey = "rotated-key"; break;
            case "MaxOutputTokens": options.MaxOutputTokens = 256; break;
            case "Endpoint": options.Endpoint = other.Endpoint; break;
            case "BatchSize": options.BatchSize.Title = 2; break;
            default: throw new ArgumentException($"unknown setting {setting}", nameof(setting));
        }
    }

    private LlmOptions Options(FakeProviderServer server, Action<LlmOptions>? configure = null) =>
        TestData.Options(server, _temp.File("llm-cache"), configure);

    /// <summary>One run as a fresh process would make it: new client, scorer and funnel over the same database.</summary>
    private static async Task<FunnelResult.StageSummary> RunAsync(SqliteStore store, LlmOptions options)
    {
        using var client = ChatClientFactory.Create(options);
        var scorer = new ChatPaperScorer(client, options, ChatStage.Title, new Roundup.Llm.Prompts.PromptLibrary(), NullLogger.Instance);
        var stages = new List<FunnelStage> { new(new StageOptions { Name = "title", Keep = 3 }, [(scorer, 1.0)]) };
        var funnel = new Funnel(store.Selection, stages, new PicksOptions { Count = 2 }, null, NullLogger<Funnel>.Instance);
        var papers = TestData.Papers(5).Select(p => p with { Categories = ["cs.LG"], AnnounceType = AnnounceType.New, Announced = new DateOnly(2025, 6, 23) }).ToList();

        var result = await funnel.RunAsync(Week, papers, TestData.Profile, ["cs.LG"], TestContext.Current.CancellationToken);

        return result.Stages.Single(s => s.Run.Stage == "title");
    }
}
