using Roundup.Papers;

namespace Roundup.Selection;

/// <summary>The store as the funnel uses it: one set of judgements per (key, stage), replaced whole when a stage reruns.</summary>
public interface ISelectionStore
{
    Task<StageRun?> GetStageRunAsync(SelectionKey key, string stage, CancellationToken cancellationToken = default);

    /// <summary>Replaces the stage's run and judgements under the key in one transaction.</summary>
    Task SaveStageAsync(SelectionKey key, StageRun run, IReadOnlyList<Judgement> judgements, CancellationToken cancellationToken = default);

    /// <summary>The key's judgements, optionally of one stage, in stage order then rank.</summary>
    Task<IReadOnlyList<Judgement>> GetJudgementsAsync(SelectionKey key, string? stage = null, CancellationToken cancellationToken = default);

    /// <summary>The key's stage runs in stage order.</summary>
    Task<IReadOnlyList<StageRun>> GetStageRunsAsync(SelectionKey key, CancellationToken cancellationToken = default);

    /// <summary>The curator's pins and drops under the key, by paper id; a later decision for a paper replaces an earlier one.</summary>
    Task<IReadOnlyList<CuratorDecision>> GetDecisionsAsync(SelectionKey key, CancellationToken cancellationToken = default);

    /// <summary>Every key's pins and drops, oldest decision first: the curator's own labels for the taste model.</summary>
    Task<IReadOnlyList<CuratorDecision>> GetAllDecisionsAsync(CancellationToken cancellationToken = default);

    Task SaveDecisionAsync(SelectionKey key, CuratorDecision decision, CancellationToken cancellationToken = default);

    /// <summary>Forgets the curator's decision on the paper under the key (an undo); false when there was none.</summary>
    Task<bool> RemoveDecisionAsync(SelectionKey key, ArxivId paper, CancellationToken cancellationToken = default);
}
