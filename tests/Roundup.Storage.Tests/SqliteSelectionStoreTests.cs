using Roundup.Papers;
using Roundup.Selection;
using Roundup.Storage.Sqlite;
using Roundup.Testing;

namespace Roundup.Storage.Tests;

public sealed class SqliteSelectionStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Judgement J(string stage, int n, double? score, bool advanced) =>
        new(stage, ArxivId.Parse($"2506.{n:D5}"), score, n, advanced, advanced ? "advanced" : "stopped", [new Contribution(0.25, "speed claim: '3.2x faster'"), new Contribution(-0.1, "unlike past picks")], ["rubric-abstract-v1", "taste:abc"]);

    [Fact]
    public async Task A_stage_run_and_its_judgements_round_trip_and_a_rerun_replaces_them_whole()
    {
        await using var store = await SqliteStore.OpenAsync(_dir.File("r.db"));
        var run = new StageRun("title", 1, "hash-1", 3, 1, 1, 0.5, new ScorerUsage(100, 20, 0.0012m));
        await store.Selection.SaveStageAsync("2025-W26", run, [J("title", 1, 0.9, true), J("title", 2, null, false), J("title", 3, 0.1, false)]);

        Assert.Equal(run, await store.Selection.GetStageRunAsync("2025-W26", "title"));
        var judgements = await store.Selection.GetJudgementsAsync("2025-W26", "title");
        Assert.Equal(3, judgements.Count);
        Assert.Equal(J("title", 1, 0.9, true).Contributions, judgements[0].Contributions);
        Assert.Null(judgements[1].Score);
        Assert.Equal(["rubric-abstract-v1", "taste:abc"], judgements[0].ScorerIds);

        await store.Selection.SaveStageAsync("2025-W26", run with { InputHash = "hash-2", Entered = 1 }, [J("title", 4, 0.5, true)]);
        Assert.Equal(["2506.00004"], (await store.Selection.GetJudgementsAsync("2025-W26")).Select(j => j.Paper.ToString()));
        Assert.Equal("hash-2", (await store.Selection.GetStageRunAsync("2025-W26", "title"))!.InputHash);
        Assert.Null(await store.Selection.GetStageRunAsync("2025-W27", "title"));
    }

    [Fact]
    public async Task Judgements_come_in_stage_order_then_rank()
    {
        await using var store = await SqliteStore.OpenAsync(_dir.File("o.db"));
        await store.Selection.SaveStageAsync("w", new StageRun("abstract", 2, "h", 1, 1, 0, 0, ScorerUsage.None), [J("abstract", 1, 0.5, true)]);
        await store.Selection.SaveStageAsync("w", new StageRun("title", 1, "h", 2, 1, 0, 0, ScorerUsage.None), [J("title", 2, 0.2, false), J("title", 1, 0.9, true)]);
        Assert.Equal(["title", "title", "abstract"], (await store.Selection.GetJudgementsAsync("w")).Select(j => j.Stage));
        Assert.Equal([1, 2], (await store.Selection.GetJudgementsAsync("w", "title")).Select(j => j.Rank));
    }

    [Fact]
    public async Task A_later_decision_replaces_an_earlier_one_for_the_same_paper_and_week()
    {
        await using var store = await SqliteStore.OpenAsync(_dir.File("d.db"));
        var id = ArxivId.Parse("2506.00001");
        await store.Selection.SaveDecisionAsync("2025-W26", new CuratorDecision(id, DecisionKind.Pin, "great"));
        await store.Selection.SaveDecisionAsync("2025-W26", new CuratorDecision(id, DecisionKind.Drop));
        await store.Selection.SaveDecisionAsync("2025-W27", new CuratorDecision(ArxivId.Parse("2506.00002"), DecisionKind.Pin));
        Assert.Equal([new CuratorDecision(id, DecisionKind.Drop)], await store.Selection.GetDecisionsAsync("2025-W26"));
        Assert.Equal(2, (await store.Selection.GetAllDecisionsAsync()).Count);
    }

    [Fact]
    public async Task Embeddings_are_cached_by_model_and_text_and_embedded_once()
    {
        await using var store = await SqliteStore.OpenAsync(_dir.File("e.db"));
        var inner = new CountingEmbedder();
        var embedder = new CachingEmbedder(inner, store.Embeddings);
        var first = embedder.Embed(["a title", "another title", "a title"]);
        var second = embedder.Embed(["another title", "a third"]);
        Assert.Equal(3, inner.Embedded);
        Assert.Equal(first[1], second[0]);
        Assert.Equal(first[0], first[2]);
    }

    private sealed class CountingEmbedder : IEmbedder
    {
        public int Embedded { get; private set; }

        public string Model => "counting";

        public int Dimensions => 2;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Embedded += texts.Count;
            return texts.Select(t => new[] { t.Length, 1f }).ToArray();
        }
    }
}
