using Roundup.Application.Hosting;
using Roundup.Application.Weeks;
using Roundup.Papers;
using Roundup.Selection;

namespace Roundup.Application.Selecting;

/// <summary>The curator's word on a paper for a window (pin or drop), and a paper's path through the window's funnel.</summary>
public sealed class CuratorDecisions(RoundupHost host)
{
    /// <summary>Stores a pin or a drop; the next selection reruns what it changes.</summary>
    public async Task DecideAsync(Window window, CuratorDecision decision, CancellationToken ct) =>
        await (await host.StoreAsync(ct)).Selection.SaveDecisionAsync(window.Key, decision, ct);

    /// <summary>Forgets the curator's pin or drop (an undo); false when there was none. The next selection reruns what it changes.</summary>
    public async Task<bool> UndoAsync(Window window, ArxivId id, CancellationToken ct) =>
        await (await host.StoreAsync(ct)).Selection.RemoveDecisionAsync(window.Key, id.WithoutVersion(), ct);

    /// <summary>The curator's pins and drops for the window, by canonical paper id.</summary>
    public async Task<IReadOnlyDictionary<string, DecisionKind>> ForWindowAsync(Window window, CancellationToken ct) =>
        (await (await host.StoreAsync(ct)).Selection.GetDecisionsAsync(window.Key, ct)).ToDictionary(d => d.Paper.Canonical, d => d.Kind, StringComparer.Ordinal);

    /// <summary>The paper and its judgement at each stage it entered (explain).</summary>
    public async Task<(Paper Paper, IReadOnlyList<Judgement> Path)> ExplainAsync(Window window, ArxivId id, CancellationToken ct)
    {
        var store = await host.StoreAsync(ct);
        var paper = await store.Papers.GetPaperAsync(id, ct) ?? throw new UsageException($"{id} is not in the store (harvest or import its week first)");
        var path = (await store.Selection.GetJudgementsAsync(window.Key, cancellationToken: ct)).Where(j => j.Paper == id).ToList();
        return (paper, path);
    }
}
