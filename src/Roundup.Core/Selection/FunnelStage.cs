namespace Roundup.Selection;

/// <summary>A configured stage with its scorers resolved.</summary>
public sealed record FunnelStage(StageOptions Options, IReadOnlyList<(IPaperScorer Scorer, double Weight)> Scorers);
