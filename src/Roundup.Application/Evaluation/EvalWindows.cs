using Roundup.Calendar;
using Roundup.Curation;

namespace Roundup.Application.Evaluation;

/// <summary>The test windows of a rolling evaluation: every week of the listings with human picks in it and picks listed before it to learn from.</summary>
public static class EvalWindows
{
    public static IReadOnlyList<(DateOnly From, DateOnly Until)> Rolling(IReadOnlyCollection<DateOnly> listingDates, IReadOnlyCollection<CuratedPick> picks)
    {
        var pickDates = picks.Select(p => p.ListingDate).ToHashSet();
        return listingDates
            .GroupBy(IssueWeek.Containing)
            .OrderBy(g => g.Key)
            .Where(g => g.Any(pickDates.Contains) && pickDates.Any(d => d < g.Key.Monday))
            .Select(g => (g.Key.Monday, g.Max()))
            .ToList();
    }
}
