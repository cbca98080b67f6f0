using Roundup.Calendar;
using Roundup.Papers;
using Roundup.Selection;

namespace Roundup.Storage.Tests.Contract;

/// <summary>What every store must do with the funnel's results (<see cref="ISelectionStore"/>), whatever the database.</summary>
public abstract class SelectionStoreContract : StoreContract
{
    private static readonly SelectionKey W26 = SelectionKey.ForWeek(new IssueWeek(2025, 26));
    private static readonly SelectionKey W27 = SelectionKey.ForWeek(new IssueWeek(2025, 27));
    private static readonly SelectionKey Dates = SelectionKey.ForDates(new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 6));

    private static Judgement J(string stage, int n, double? score, bool advanced) =>
        new(stage, ArxivId.Parse($"2506.{n:D5}"), score, n, advanced, advanced ? "advanced" : "stopped", [new Contribution(0.25, "speed claim: '3.2x faster'"), new Contribution(-0.1, "unlike past picks")], ["rubric-abstract-v1", "taste:abc"]);

    [Fact]
    public async Task A_stage_run_and_its_judgements_round_trip_and_a_rerun_replaces_them_whole()
    {
        await using var store = await OpenAsync();
        var run = new StageRun("title", 1, "hash-1", 3, 1, 1, 0.5, new ScorerUsage(100, 20, 0.0012m));
        await store.Selection.SaveStageAsync(W26, run, [J("title", 1, 0.9, true), J("title", 2, null, false), J("title", 3, 0.1, false)]);

        Assert.Equal(run, await store.Selection.GetStageRunAsync(W26, "title"));
        var judgements = await store.Selection.GetJudgementsAsync(W26, "title");
        Assert.Equal(3, judgements.Count);
        Assert.Equal(J("title", 1, 0.9, true).Contributions, judgements[0].Contributions);
        Assert.Null(judgements[1].Score);
        Assert.Equal(["rubric-abstract-v1", "taste:abc"], judgements[0].ScorerIds);

        await store.Selection.SaveStageAsync(W26, run with { InputHash = "hash-2", Entered = 1 }, [J("title", 4, 0.5, true)]);
        Assert.Equal(["2506.00004"], (await store.Selection.GetJudgementsAsync(W26)).Select(j => j.Paper.ToString()));
        Assert.Equal("hash-2", (await store.Selection.GetStageRunAsync(W26, "title"))!.InputHash);
        Assert.Null(await store.Selection.GetStageRunAsync(W27, "title"));
    }

    [Fact]
    public async Task Judgements_come_in_stage_order_then_rank()
    {
        await using var store = await OpenAsync();
        await store.Selection.SaveStageAsync(Dates, new StageRun("abstract", 2, "h", 1, 1, 0, 0, ScorerUsage.None), [J("abstract", 1, 0.5, true)]);
        await store.Selection.SaveStageAsync(Dates, new StageRun("title", 1, "h", 2, 1, 0, 0, ScorerUsage.None), [J("title", 2, 0.2, false), J("title", 1, 0.9, true)]);
        Assert.Equal(["title", "title", "abstract"], (await store.Selection.GetJudgementsAsync(Dates)).Select(j => j.Stage));
        Assert.Equal([1, 2], (await store.Selection.GetJudgementsAsync(Dates, "title")).Select(j => j.Rank));
    }

    [Fact]
    public async Task A_later_decision_replaces_an_earlier_one_for_the_same_paper_and_week()
    {
        await using var store = await OpenAsync();
        var id = ArxivId.Parse("2506.00001");
        await store.Selection.SaveDecisionAsync(W26, new CuratorDecision(id, DecisionKind.Pin, "great"));
        await store.Selection.SaveDecisionAsync(W26, new CuratorDecision(id, DecisionKind.Drop));
        await store.Selection.SaveDecisionAsync(W27, new CuratorDecision(ArxivId.Parse("2506.00002"), DecisionKind.Pin));
        Assert.Equal([new CuratorDecision(id, DecisionKind.Drop)], await store.Selection.GetDecisionsAsync(W26));
        Assert.Equal(2, (await store.Selection.GetAllDecisionsAsync()).Count);
    }

    [Fact]
    public async Task A_removed_decision_is_gone_for_its_week_only_and_removing_it_again_says_so()
    {
        await using var store = await OpenAsync();
        var id = ArxivId.Parse("2506.00001");
        await store.Selection.SaveDecisionAsync(W26, new CuratorDecision(id, DecisionKind.Pin));
        await store.Selection.SaveDecisionAsync(W27, new CuratorDecision(id, DecisionKind.Drop));
        await store.Selection.SaveDecisionAsync(W26, new CuratorDecision(ArxivId.Parse("2506.00002"), DecisionKind.Drop));

        Assert.True(await store.Selection.RemoveDecisionAsync(W26, id));
        Assert.False(await store.Selection.RemoveDecisionAsync(W26, id));
        Assert.Equal(["2506.00002"], (await store.Selection.GetDecisionsAsync(W26)).Select(d => d.Paper.ToString()));
        Assert.Equal([new CuratorDecision(id, DecisionKind.Drop)], await store.Selection.GetDecisionsAsync(W27));
        Assert.Equal(2, (await store.Selection.GetAllDecisionsAsync()).Count);
    }

    [Fact]
    public async Task Keys_of_every_kind_are_kept_apart_and_stage_runs_come_in_position_order()
    {
        SelectionKey[] keys = [W26, Dates, SelectionKey.ForEvaluation(Dates.First, Dates.Last, "funnel"), SelectionKey.ForEvaluation(Dates.First, Dates.Last, "default taste")];
        await using var store = await OpenAsync();
        for (var i = 0; i < keys.Length; i++)
        {
            await store.Selection.SaveStageAsync(keys[i], new StageRun("title", 1, $"h{i}", 1, 1, 0, 0, ScorerUsage.None), [J("title", i + 1, 0.5, true)]);
            await store.Selection.SaveStageAsync(keys[i], new StageRun("scope", 0, $"h{i}", 1, 1, 0, 0, ScorerUsage.None), [J("scope", i + 1, null, true)]);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal([$"2506.{i + 1:D5}", $"2506.{i + 1:D5}"], (await store.Selection.GetJudgementsAsync(keys[i])).Select(j => j.Paper.ToString()));
            Assert.Equal(["scope", "title"], (await store.Selection.GetStageRunsAsync(keys[i])).Select(r => r.Stage));
            Assert.Equal($"h{i}", (await store.Selection.GetStageRunAsync(keys[i], "title"))!.InputHash);
        }

        Assert.Empty(await store.Selection.GetStageRunsAsync(W27));
        Assert.Empty(await store.Selection.GetJudgementsAsync(W27));
    }

    [Fact]
    public async Task Stage_runs_judgements_and_decisions_outlive_the_handle_that_saved_them()
    {
        var run = new StageRun("title", 1, "hash-1", 1, 1, 0, 0.5, ScorerUsage.None);
        await using (var first = await OpenAsync())
        {
            await first.Selection.SaveStageAsync(W26, run, [J("title", 1, 0.9, true)]);
            await first.Selection.SaveDecisionAsync(W26, new CuratorDecision(ArxivId.Parse("2506.00001"), DecisionKind.Pin, "great"));
        }

        await using var again = await OpenAsync();
        Assert.Equal(run, await again.Selection.GetStageRunAsync(W26, "title"));
        Assert.Single(await again.Selection.GetJudgementsAsync(W26));
        Assert.Equal("great", Assert.Single(await again.Selection.GetDecisionsAsync(W26)).Note);
    }
}
