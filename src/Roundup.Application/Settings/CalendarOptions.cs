namespace Roundup.Application.Settings;

public sealed class CalendarOptions
{
    /// <summary>The first listing day of an issue's week.</summary>
    public DayOfWeek WeekStartsOn { get; init; } = DayOfWeek.Monday;

    /// <summary>Extra arXiv holidays (yyyy-MM-dd, US Eastern evenings without an announcement), added to the built-in list.</summary>
    public List<string> Holidays { get; init; } = [];
}
