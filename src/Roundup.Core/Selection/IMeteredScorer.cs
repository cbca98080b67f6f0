namespace Roundup.Selection;

/// <summary>A scorer that spends tokens; the funnel collects its usage after each stage.</summary>
public interface IMeteredScorer : IPaperScorer
{
    /// <summary>The usage since the last call, and resets it.</summary>
    ScorerUsage TakeUsage();
}
