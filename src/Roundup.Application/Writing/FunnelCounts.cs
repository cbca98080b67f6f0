using System.Globalization;
using Roundup.Issues;
using Roundup.Selection;

namespace Roundup.Application.Writing;

/// <summary>The funnel as the issue shows it: each stage's papers in and out, and its budget in words.</summary>
public static class FunnelCounts
{
    public static IReadOnlyList<FunnelCount> Of(FunnelResult selection, IReadOnlyList<StageOptions> stages, int picks) =>
        Of([.. selection.Stages.Select(s => s.Run)], stages, picks);

    /// <summary>The same from the stage runs the store keeps for a week (the desk reads them without rerunning anything).</summary>
    public static IReadOnlyList<FunnelCount> Of(IReadOnlyList<StageRun> runs, IReadOnlyList<StageOptions> stages, int picks)
    {
        var configs = stages.ToDictionary(s => s.Name, StringComparer.Ordinal);
        return [.. runs.OrderBy(r => r.Position).Select(r => new FunnelCount(r.Stage, r.Entered, r.Advanced, r.Stage switch
        {
            Scope.StageName => "the profile's categories",
            Diversity.StageName => string.Create(CultureInfo.InvariantCulture, $"{picks} picks, diverse"),
            _ => configs.TryGetValue(r.Stage, out var c) ? Budget(c) : "",
        }))];
    }

    private static string Budget(StageOptions stage) => (stage.Keep, stage.KeepShare) switch
    {
        ({ } keep, { } share) => FormattableString.Invariant($"keep {keep} or {share:P0}"),
        ({ } keep, null) => FormattableString.Invariant($"keep {keep}"),
        (null, { } share) => FormattableString.Invariant($"keep {share:P0}"),
        _ => "no limit",
    };
}
