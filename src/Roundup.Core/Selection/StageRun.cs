namespace Roundup.Selection;

/// <summary>The record of a stage having run for a week: its input hash (same hash, nothing to recompute) and its counts.</summary>
public sealed record StageRun(
    string Stage,
    int Position,
    string InputHash,
    int Entered,
    int Advanced,
    int Unscored,
    double Seconds,
    ScorerUsage Usage);
