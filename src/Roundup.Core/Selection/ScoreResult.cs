using Roundup.Papers;

namespace Roundup.Selection;

/// <summary>
/// A scorer's verdict on one paper: a score in [0, 1] with the contributions that make it up, or no score and the
/// reason why (the paper is then "unscored", never silently dropped).
/// </summary>
public sealed record ScoreResult(ArxivId Paper, double? Score, IReadOnlyList<Contribution> Contributions, string? Unscored = null)
{
    public static ScoreResult Failed(ArxivId paper, string why) => new(paper, null, [], why);
}
