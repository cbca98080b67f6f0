namespace Roundup.Calendar;

/// <summary>
/// Days on whose evening arXiv sends no announcement. 2026 is arXiv's published list (see
/// ../shared/design/arxiv.md); 2025 holds the US holidays arXiv observed that year (its 2025-06-19 holiday is
/// visible in the June 2025 listings: there is no 2025-06-20 listing). Curators add more in
/// <c>Calendar:Holidays</c>.
/// </summary>
public static class ArxivHolidays
{
    public static readonly IReadOnlyList<DateOnly> Known =
    [
        new(2025, 1, 1), new(2025, 1, 20), new(2025, 5, 26), new(2025, 6, 19), new(2025, 7, 4),
        new(2025, 9, 1), new(2025, 11, 27), new(2025, 12, 25),
        new(2026, 1, 1), new(2026, 1, 19), new(2026, 6, 19), new(2026, 7, 3), new(2026, 9, 7),
        new(2026, 11, 26), new(2026, 12, 25), new(2026, 12, 29), new(2026, 12, 31),
    ];
}
