namespace Roundup.Selection;

/// <summary>The store as the funnel uses it: one set of judgements per (week, stage), replaced whole when a stage reruns.</summary>
public interface ISelectionStore
{
    Task<StageRun?> GetStageRunAsync(string week, string stage, CancellationToken cancellationToken = default);

    /// <summary>Replaces the stage's run and judgements for the week in one transaction.</summary>
    Task SaveStageAsync(string week, StageRun run, IReadOnlyList<Judgement> judgements, CancellationToken cancellationToken = default);

    /// <summary>The week's judgements, optionally of one stage, in stage order then rank.</summary>
    Task<IReadOnlyList<Judgement>> GetJudgementsAsync(string week, string? stage = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StageRun>> GetStageRunsAsync(string week, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CuratorDecision>> GetDecisionsAsync(string week, CancellationToken cancellationToken = default);

    Task SaveDecisionAsync(string week, CuratorDecision decision, CancellationToken cancellationToken = default);
}
