namespace Roundup.Application.Evaluation;

/// <summary>
/// What <c>roundup eval</c> measured: per test window, each row's picks against the human picks and, for the rows that
/// run the funnel, how many human picks each stage kept; across windows, each row's mean hits in its picks with a 90%
/// bootstrap interval.
/// </summary>
public sealed record EvalReport(int PicksPerIssue, IReadOnlyList<EvalReport.Window> Windows, IReadOnlyList<EvalReport.RowSummary> Rows)
{
    /// <summary>One test window: its dates, what it was trained on, and every row's result.</summary>
    public sealed record Window(
        string Label,
        DateOnly TestFrom,
        DateOnly TestUntil,
        int TestPapers,
        int TestPicks,
        int TrainPapers,
        int TrainPicks,
        int HistoryPapers,
        int UnknownPickIds,
        IReadOnlyList<RowResult> Rows);

    /// <summary>A row in one window: the hits among its picks, ranking metrics, and for funnel rows the leak per stage.</summary>
    public sealed record RowResult(string Row, int Hits, IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<StageLeak>? Leak);

    /// <summary>At a stage: papers and human picks that entered and advanced.</summary>
    public sealed record StageLeak(string Stage, int Entered, int Advanced, int PicksEntered, int PicksAdvanced);

    /// <summary>A row over all windows: mean hits per issue and its 90% bootstrap interval.</summary>
    public sealed record RowSummary(string Row, string Description, double MeanHits, double Low, double High);
}
