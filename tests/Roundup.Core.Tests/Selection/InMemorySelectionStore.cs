using Roundup.Papers;
using Roundup.Selection;

namespace Roundup.Core.Tests.Selection;

internal sealed class InMemorySelectionStore : ISelectionStore
{
    private readonly Dictionary<(SelectionKey, string), (StageRun Run, IReadOnlyList<Judgement> Judgements)> _stages = [];
    private readonly Dictionary<SelectionKey, List<CuratorDecision>> _decisions = [];

    public int Saves { get; private set; }

    public Task<StageRun?> GetStageRunAsync(SelectionKey week, string stage, CancellationToken cancellationToken = default) =>
        Task.FromResult(_stages.TryGetValue((week, stage), out var s) ? s.Run : null);

    public Task SaveStageAsync(SelectionKey week, StageRun run, IReadOnlyList<Judgement> judgements, CancellationToken cancellationToken = default)
    {
        Saves++;
        _stages[(week, run.Stage)] = (run, judgements);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Judgement>> GetJudgementsAsync(SelectionKey week, string? stage = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Judgement>>(_stages.Where(kv => kv.Key.Item1 == week && (stage is null || kv.Key.Item2 == stage))
            .OrderBy(kv => kv.Value.Run.Position).SelectMany(kv => kv.Value.Judgements).ToList());

    public Task<IReadOnlyList<StageRun>> GetStageRunsAsync(SelectionKey week, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StageRun>>(_stages.Where(kv => kv.Key.Item1 == week).Select(kv => kv.Value.Run).OrderBy(r => r.Position).ToList());

    public Task<IReadOnlyList<CuratorDecision>> GetDecisionsAsync(SelectionKey week, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CuratorDecision>>(_decisions.GetValueOrDefault(week) ?? []);

    public Task<IReadOnlyList<CuratorDecision>> GetAllDecisionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CuratorDecision>>(_decisions.Values.SelectMany(d => d).ToList());

    public Task SaveDecisionAsync(SelectionKey week, CuratorDecision decision, CancellationToken cancellationToken = default)
    {
        if (!_decisions.TryGetValue(week, out var list))
        {
            _decisions[week] = list = [];
        }

        list.RemoveAll(d => d.Paper == decision.Paper);
        list.Add(decision);
        return Task.CompletedTask;
    }

    public Task<bool> RemoveDecisionAsync(SelectionKey week, ArxivId paper, CancellationToken cancellationToken = default) =>
        Task.FromResult(_decisions.TryGetValue(week, out var list) && list.RemoveAll(d => d.Paper == paper) > 0);
}
