namespace Roundup.Cli.Evaluation;

/// <summary>What <c>roundup eval</c> measured: per ranker the metrics, and for the funnel how many picks each stage kept.</summary>
public sealed record EvalReport(
    string Split,
    int TrainPapers,
    int TrainPicks,
    int ExtraPositives,
    int TestPapers,
    int TestPicks,
    int UnknownPickIds,
    IReadOnlyList<EvalReport.RankerScores> Rankers,
    IReadOnlyList<EvalReport.StageLeak> Leak)
{
    public sealed record RankerScores(string Name, IReadOnlyDictionary<string, double> Metrics);

    /// <summary>At a stage: papers and human picks that entered and advanced.</summary>
    public sealed record StageLeak(string Stage, int Entered, int Advanced, int PicksEntered, int PicksAdvanced);
}
