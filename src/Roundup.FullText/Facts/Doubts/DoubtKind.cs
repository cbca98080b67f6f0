namespace Roundup.FullText.Facts.Doubts;

/// <summary>The reasons to doubt a paper's results that <see cref="DoubtFinder"/> looks for, most important first.</summary>
internal enum DoubtKind
{
    NoBaselines,
    WeakBaselinesOnly,
    OwnBenchmarkOnly,
    SingleRun,
    SmallEvaluation,
    ComputeBeyondBaselines,
    NoAblation,
    StatedLimitation,
}
