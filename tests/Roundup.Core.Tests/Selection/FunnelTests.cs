using Microsoft.Extensions.Logging.Abstractions;
using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Selection;

namespace Roundup.Core.Tests.Selection;

public sealed class FunnelTests
{
    private static readonly CuratorProfile Profile = new() { Criteria = ["deep learning"] };
    private static readonly SelectionKey Key = SelectionKey.Parse("2025-W26");

    private static List<Paper> Week() =>
    [
        .. Enumerable.Range(1, 20).Select(n => Sample.Paper(n)),
        Sample.Paper(21, category: "cs.RO"),
        Sample.Paper(22, type: AnnounceType.Replace),
    ];

    private static (Funnel Funnel, FakeScorer Title, FakeScorer Abstract) Build(InMemorySelectionStore store, int titleKeep = 10, int abstractKeep = 6)
    {
        var title = new FakeScorer("fake-title", p => int.Parse(p.Id.Canonical[^2..], System.Globalization.CultureInfo.InvariantCulture) / 100.0);
        var abs = new FakeScorer("fake-abstract", p => 1 - (int.Parse(p.Id.Canonical[^2..], System.Globalization.CultureInfo.InvariantCulture) / 100.0), Evidence.Abstract);
        var stages = new List<FunnelStage>
        {
            new(new StageOptions { Name = "title", Keep = titleKeep }, [(title, 1.0)]),
            new(new StageOptions { Name = "abstract", Reads = Evidence.Abstract, Keep = abstractKeep }, [(abs, 1.0)]),
            new(new StageOptions { Name = "skim", Reads = Evidence.Skim, Keep = 4 }, [(abs, 1.0)]),
        };
        return (new Funnel(store, stages, new PicksOptions { Count = 3 }, null, NullLogger<Funnel>.Instance), title, abs);
    }

    [Fact]
    public async Task Each_stage_scores_only_what_reached_it_and_every_entrant_gets_a_judgement()
    {
        var store = new InMemorySelectionStore();
        var (funnel, title, abs) = Build(store);

        var result = await funnel.RunAsync(Key, Week(), Profile, ["cs.LG"]);

        Assert.Equal(20, title.Asked);               // scope removed the cs.RO paper and the replacement
        Assert.Equal(10 + 6, abs.Asked);             // abstract stage: 10; skim: 6
        Assert.Equal([22, 20, 10, 6, 4], result.Stages.Select(s => s.Run.Entered));
        var judgements = await store.GetJudgementsAsync(Key);
        Assert.Equal(22 + 20 + 10 + 6 + 4, judgements.Count);
        Assert.Contains(judgements, j => j.Stage == "scope" && j.Paper.Canonical == "2506.00021" && j.Decision.Contains("outside cs.LG", StringComparison.Ordinal));
        Assert.Contains(judgements, j => j.Stage == "scope" && j.Paper.Canonical == "2506.00022" && j.Decision == "stopped: a replacement of an earlier paper");
        Assert.Equal(3, result.Picks.Count);
        Assert.All(judgements.Where(j => j.Stage == "skim"), j => Assert.Contains(j.Contributions, c => c.Label == Funnel.AbstractOnly));
    }

    [Fact]
    public async Task Rerunning_unchanged_recomputes_nothing_and_changing_a_stage_reruns_from_there()
    {
        var store = new InMemorySelectionStore();
        var (funnel, title, abs) = Build(store);
        var first = await funnel.RunAsync(Key, Week(), Profile, ["cs.LG"]);

        var again = await funnel.RunAsync(Key, Week(), Profile, ["cs.LG"]);
        Assert.Equal(20, title.Asked);
        Assert.Equal(16, abs.Asked);
        Assert.All(again.Stages, s => Assert.True(s.Reused));
        Assert.Equal(first.Picks.Select(p => p.Paper.Id), again.Picks.Select(p => p.Paper.Id));

        var (changed, title2, abs2) = Build(store, abstractKeep: 5);   // only the abstract stage's budget differs
        var rerun = await changed.RunAsync(Key, Week(), Profile, ["cs.LG"]);
        Assert.Equal(0, title2.Asked);
        Assert.Equal(10 + 5, abs2.Asked);
        Assert.Equal([true, true, false, false, true], rerun.Stages.Select(s => s.Reused));   // the skim kept the same four: picks reused
    }

    [Fact]
    public async Task Pins_reach_the_picks_and_drops_leave_at_once()
    {
        var store = new InMemorySelectionStore();
        await store.SaveDecisionAsync(Key, new CuratorDecision(ArxivId.Parse("2506.00001"), DecisionKind.Pin));
        await store.SaveDecisionAsync(Key, new CuratorDecision(ArxivId.Parse("2506.00020"), DecisionKind.Drop));
        var (funnel, _, _) = Build(store);

        var result = await funnel.RunAsync(Key, Week(), Profile, ["cs.LG"]);

        Assert.Contains(result.Picks, p => p.Paper.Id.Canonical == "2506.00001" && p.Judgement.Decision == "picked: pinned by the curator");
        var dropped = (await store.GetJudgementsAsync(Key)).Where(j => j.Paper.Canonical == "2506.00020").ToList();
        Assert.Equal("stopped: dropped by the curator", Assert.Single(dropped).Decision);
    }

    [Fact]
    public async Task An_empty_week_completes_with_no_picks()
    {
        var (funnel, _, _) = Build(new InMemorySelectionStore());
        var result = await funnel.RunAsync(Key, [], Profile, ["cs.LG"]);
        Assert.Empty(result.Picks);
        Assert.All(result.Stages, s => Assert.Equal(0, s.Run.Entered));
    }

    [Fact]
    public async Task Papers_without_abstracts_and_with_tex_or_odd_unicode_titles_are_judged_like_any_other()
    {
        var store = new InMemorySelectionStore();
        var stages = new List<FunnelStage>
        {
            new(new StageOptions { Name = "abstract", Reads = Evidence.Abstract, Keep = 2 }, [(new RubricScorer(Evidence.Abstract), 1.0)]),
        };
        var funnel = new Funnel(store, stages, new PicksOptions { Count = 2 }, null, NullLogger<Funnel>.Instance);
        List<Paper> papers =
        [
            Sample.Paper(1, "$\\mathcal{O}(n)$ attention is 3x faster", ""),
            Sample.Paper(2, "Ω-nets: «robust» 日本語 models 🧠\u200b", ""),
            Sample.Paper(3, "Plain", "We outperform baselines on ImageNet."),
        ];

        var result = await funnel.RunAsync(Key, papers, Profile, []);

        Assert.Equal(2, result.Picks.Count);
        Assert.Equal(3, (await store.GetJudgementsAsync(Key, "abstract")).Count);
        Assert.All(await store.GetJudgementsAsync(Key, "abstract"), j => Assert.NotNull(j.Score));
    }

    [Fact]
    public async Task A_failing_scorer_leaves_the_others_to_judge_and_says_so()
    {
        var failing = new FakeScorer("llm", _ => null);
        var rubric = new FakeScorer("rubric", p => 0.5);
        var scored = await StageScoring.ScoreAsync([Sample.Paper(1)], [(failing, 1.0), (rubric, 1.0)], 10, Profile, null, CancellationToken.None);
        Assert.Equal(0.5, scored[0].Score);
        Assert.Contains(scored[0].Contributions, c => c.Label.StartsWith("llm unscored: llm cannot score", StringComparison.Ordinal));

        var none = await StageScoring.ScoreAsync([Sample.Paper(1)], [(failing, 1.0)], 10, Profile, null, CancellationToken.None);
        Assert.Null(none[0].Score);
        Assert.Contains("llm cannot score", none[0].Unscored, StringComparison.Ordinal);
    }
}
