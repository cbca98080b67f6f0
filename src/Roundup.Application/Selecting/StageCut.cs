using Roundup.Selection;

namespace Roundup.Application.Selecting;

/// <summary>
/// Where a stage drew its line: the score halfway between the lowest score it advanced and the highest it stopped.
/// The papers nearest that line are the ones the funnel was least sure of, worth a curator's look first.
/// </summary>
public static class StageCut
{
    /// <summary>The stage's cut, or null when it advanced or stopped every scored paper.</summary>
    public static double? Of(IReadOnlyList<Judgement> stage)
    {
        var advanced = stage.Where(j => j.Advanced && j.Score is not null).Select(j => j.Score!.Value).ToList();
        var stopped = stage.Where(j => !j.Advanced && j.Score is not null).Select(j => j.Score!.Value).ToList();
        return advanced.Count == 0 || stopped.Count == 0 ? null : (advanced.Min() + stopped.Max()) / 2;
    }

    /// <summary>The stage's judgements with the score nearest the cut first (unscored last); equal distances, such as the two papers either side of the cut, in rank order.</summary>
    public static IReadOnlyList<Judgement> LeastSureFirst(IReadOnlyList<Judgement> stage)
    {
        var cut = Of(stage);
        return [.. stage
            .OrderBy(j => cut is { } c && j.Score is { } s ? Math.Round(Math.Abs(s - c), 9) : double.MaxValue)
            .ThenBy(j => j.Rank)];
    }
}
