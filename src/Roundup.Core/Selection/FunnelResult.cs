using Roundup.Papers;

namespace Roundup.Selection;

/// <summary>What a funnel run did per stage, and the picks in rank order. <see cref="Week"/> is the text of the run's <see cref="SelectionKey"/>.</summary>
public sealed record FunnelResult(string Week, IReadOnlyList<FunnelResult.StageSummary> Stages, IReadOnlyList<FunnelResult.Pick> Picks)
{
    public sealed record StageSummary(StageRun Run, bool Reused);

    public sealed record Pick(Paper Paper, Judgement Judgement);
}
