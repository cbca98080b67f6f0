using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Roundup.Papers;
using Roundup.Profiles;

namespace Roundup.Selection;

/// <summary>
/// The selection funnel: scope, then each configured stage over the survivors of the one before, then the final
/// diverse picks. Every paper that enters a stage leaves with a judgement, stored per (key, stage). A stage whose
/// inputs hash the same as last time is not recomputed: its stored judgements are reused.
/// </summary>
public sealed class Funnel(ISelectionStore store, IReadOnlyList<FunnelStage> stages, PicksOptions picks, IEmbedder? embedder, ILogger<Funnel> logger)
{
    /// <summary>Said in the reasons of stages that would read the full text but have no scorer that does.</summary>
    public const string AbstractOnly = "read from the abstract: no full text yet";

    public async Task<FunnelResult> RunAsync(SelectionKey key, IReadOnlyList<Paper> papers, CuratorProfile profile, IReadOnlyList<string> scopeCategories, CancellationToken cancellationToken = default)
    {
        var decisionList = await store.GetDecisionsAsync(key, cancellationToken);
        var decisions = decisionList.ToDictionary(d => d.Paper, d => d.Kind);
        var summaries = new List<FunnelResult.StageSummary>();
        var context = new RunContext(key, profile, decisionList, summaries);
        var byId = papers.ToDictionary(p => p.Id);

        var scope = await RunStageAsync(context, 0, Scope.StageName, $"scope|{string.Join(' ', scopeCategories)}", [], papers,
            () => Task.FromResult(Scope.Decide(papers, scopeCategories, decisions)), cancellationToken);
        var entering = scope.Where(j => j.Advanced).Select(j => j.Paper).ToList();

        var last = Array.Empty<Judgement>() as IReadOnlyList<Judgement>;
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            var input = entering.Select(id => byId[id]).ToList();
            last = await RunStageAsync(context, i + 1, stage.Options.Name, stage.Options.Describe(), stage.Scorers, input, async () =>
            {
                var note = stage.Options.Reads >= Evidence.Skim && !stage.Scorers.Any(s => s.Scorer.Reads >= Evidence.Skim) ? AbstractOnly : null;
                var scored = await StageScoring.ScoreAsync(input, stage.Scorers, stage.Options.BatchSize, profile, note, cancellationToken);
                return Cut.Decide(stage.Options.Name, scored, stage.Options.Budget(input.Count), stage.Options.MinScore, decisions);
            }, cancellationToken);
            entering = last.Where(j => j.Advanced).Select(j => j.Paper).ToList();
        }

        var finalists = last.Where(j => j.Advanced).Select(j => (byId[j.Paper], j.Score ?? 0)).ToList();
        var picksConfiguration = $"{Diversity.StageName}|{picks}|{embedder?.Model}|{string.Join(',', finalists.Select(f => f.Item2.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}";
        var picked = await RunStageAsync(context, stages.Count + 1, Diversity.StageName, picksConfiguration, [], finalists.Select(f => f.Item1).ToList(), () =>
        {
            var vectors = Vectors(finalists.Select(f => f.Item1).ToList(), cancellationToken);
            return Task.FromResult(Diversity.Pick(finalists, vectors, picks, decisions));
        }, cancellationToken);

        return new FunnelResult(key.ToString(), summaries, picked.Where(j => j.Advanced).Select(j => new FunnelResult.Pick(byId[j.Paper], j)).ToList());
    }

    private async Task<IReadOnlyList<Judgement>> RunStageAsync(RunContext context, int position, string name, string configuration, IReadOnlyList<(IPaperScorer Scorer, double Weight)> scorers, IReadOnlyList<Paper> input, Func<Task<IReadOnlyList<Judgement>>> run, CancellationToken cancellationToken)
    {
        var (key, profile, decisions, summaries) = context;
        var hash = StageHash.Compute(configuration, scorers.Select(s => (s.Scorer.Id, s.Weight)), profile, decisions, input);
        var previous = await store.GetStageRunAsync(key, name, cancellationToken);
        if (previous is not null && previous.InputHash == hash && previous.Position == position)
        {
            logger.LogInformation("{Stage}: inputs unchanged, reusing {Count} judgements", name, previous.Entered);
            summaries.Add(new FunnelResult.StageSummary(previous, Reused: true));
            return await store.GetJudgementsAsync(key, name, cancellationToken);
        }

        var started = Stopwatch.GetTimestamp();
        var judgements = await run();
        var usage = scorers.Select(s => s.Scorer).OfType<IMeteredScorer>().Aggregate(ScorerUsage.None, (sum, s) => sum.Add(s.TakeUsage()));
        var stageRun = new StageRun(name, position, hash, input.Count, judgements.Count(j => j.Advanced), judgements.Count(j => j.Score is null && name != Scope.StageName), Stopwatch.GetElapsedTime(started).TotalSeconds, usage);
        await store.SaveStageAsync(key, stageRun, judgements, cancellationToken);
        logger.LogInformation("{Stage}: {In} in, {Out} advanced, {Unscored} unscored, {Seconds:F1} s", name, stageRun.Entered, stageRun.Advanced, stageRun.Unscored, stageRun.Seconds);
        summaries.Add(new FunnelResult.StageSummary(stageRun, Reused: false));
        return judgements;
    }

    private Dictionary<ArxivId, float[]> Vectors(List<Paper> finalists, CancellationToken cancellationToken)
    {
        if (embedder is null || finalists.Count == 0)
        {
            return [];
        }

        var vectors = embedder.Embed(finalists.Select(p => $"{p.Title}. {p.Abstract}").ToList(), cancellationToken);
        return finalists.Select((p, i) => (p.Id, vectors[i])).ToDictionary(x => x.Id, x => x.Item2);
    }

    private sealed record RunContext(SelectionKey Key, CuratorProfile Profile, IReadOnlyList<CuratorDecision> Decisions, List<FunnelResult.StageSummary> Summaries);
}
