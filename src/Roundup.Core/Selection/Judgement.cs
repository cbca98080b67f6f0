using Roundup.Papers;

namespace Roundup.Selection;

/// <summary>
/// Why a paper went on or stopped at a stage: its score (null when no scorer could score it), its rank, the
/// contributions behind the score and the decision, and which scorers judged it.
/// </summary>
public sealed record Judgement(
    string Stage,
    ArxivId Paper,
    double? Score,
    int Rank,
    bool Advanced,
    string Decision,
    IReadOnlyList<Contribution> Contributions,
    IReadOnlyList<string> ScorerIds);
