using Roundup.Papers;

namespace Roundup.Selection;

/// <summary>A paper's combined score at a stage, before the cut.</summary>
public sealed record Scored(ArxivId Paper, double? Score, IReadOnlyList<Contribution> Contributions, IReadOnlyList<string> ScorerIds, string? Unscored = null);
