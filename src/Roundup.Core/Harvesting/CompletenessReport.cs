using Roundup.Papers;

namespace Roundup.Harvesting;

/// <summary>
/// Whether a window's harvest is whole: papers per listing date and category, per source; the expected listing
/// dates that have no papers; and, where two sources covered the same window, the papers only one of them saw.
/// </summary>
public sealed record CompletenessReport(
    DateOnly First,
    DateOnly Last,
    IReadOnlyList<string> Categories,
    IReadOnlyList<CompletenessReport.Day> Days,
    IReadOnlyList<DateOnly> MissingDates,
    IReadOnlyList<CompletenessReport.SourceDifference> Differences,
    int BadRecords)
{
    public int TotalPapers => Days.Sum(d => d.Papers);

    public bool IsComplete => MissingDates.Count == 0 && Differences.Count == 0 && BadRecords == 0;

    /// <summary>One listing date: distinct papers first announced there, by source and by category.</summary>
    public sealed record Day(DateOnly Date, bool Expected, int Papers, IReadOnlyDictionary<string, int> BySource, IReadOnlyDictionary<string, int> ByCategory);

    /// <summary>Papers of the window that one source saw and another did not.</summary>
    public sealed record SourceDifference(string Source, string Other, IReadOnlyList<ArxivId> OnlyInSource);

    public static CompletenessReport Build(
        DateOnly first,
        DateOnly last,
        IReadOnlyList<DateOnly> expectedDates,
        IReadOnlyList<string> categories,
        IReadOnlyList<Sighting> sightings,
        int badRecords = 0)
    {
        var firstAnnouncements = sightings.Where(s => s.Type.IsFirstAnnouncement() && s.ListingDate >= first && s.ListingDate <= last).ToList();
        var days = new List<Day>();
        var dates = expectedDates.Concat(firstAnnouncements.Select(s => s.ListingDate)).Distinct().Order();
        foreach (var date in dates)
        {
            var ofDay = firstAnnouncements.Where(s => s.ListingDate == date).ToList();
            var bySource = ofDay.GroupBy(s => s.Source).ToDictionary(g => g.Key, g => g.Select(s => s.PaperId).Distinct().Count(), StringComparer.Ordinal);
            var distinct = ofDay.DistinctBy(s => s.PaperId).ToList();
            var byCategory = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var category in categories)
            {
                byCategory[category] = distinct.Count(s => s.Categories.Contains(category, StringComparer.Ordinal));
            }

            days.Add(new Day(date, expectedDates.Contains(date), distinct.Count, bySource, byCategory));
        }

        var missing = expectedDates.Where(d => !days.Any(day => day.Date == d && day.Papers > 0)).ToList();
        return new CompletenessReport(first, last, categories, days, missing, Compare(firstAnnouncements), badRecords);
    }

    // Compared over the whole window, not per day: OAI-PMH and the API only estimate a paper's listing date.
    private static List<SourceDifference> Compare(List<Sighting> sightings)
    {
        var bySource = sightings.GroupBy(s => s.Source, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(s => s.PaperId).ToHashSet(), StringComparer.Ordinal);
        var differences = new List<SourceDifference>();
        foreach (var (source, ids) in bySource.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            foreach (var (other, otherIds) in bySource.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (source == other)
                {
                    continue;
                }

                var only = ids.Where(id => !otherIds.Contains(id)).Order().ToList();
                if (only.Count > 0)
                {
                    differences.Add(new SourceDifference(source, other, only));
                }
            }
        }

        return differences;
    }
}
