using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Roundup.Calendar;

/// <summary>
/// A weekly issue, named by ISO week (<c>2025-W26</c>). Which listing dates it covers depends on the week boundary
/// and arXiv's schedule: see <see cref="ArxivCalendar.ListingDates"/>.
/// </summary>
public readonly record struct IssueWeek(int Year, int Week) : IComparable<IssueWeek>
{
    /// <summary>The Monday of the ISO week.</summary>
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public static IssueWeek Containing(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return new IssueWeek(ISOWeek.GetYear(dt), ISOWeek.GetWeekOfYear(dt));
    }

    public IssueWeek Next() => Containing(Monday.AddDays(7));

    public IssueWeek Previous() => Containing(Monday.AddDays(-7));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");

    public int CompareTo(IssueWeek other) => Year != other.Year ? Year.CompareTo(other.Year) : Week.CompareTo(other.Week);

    public static IssueWeek Parse(string text) =>
        TryParse(text, out var week) ? week : throw new FormatException($"'{text}' is not an ISO week such as 2025-W26");

    public static bool TryParse([NotNullWhen(true)] string? text, out IssueWeek week)
    {
        week = default;
        if (text is null)
        {
            return false;
        }

        var s = text.Trim();
        var dash = s.IndexOf("-W", StringComparison.OrdinalIgnoreCase);
        if (dash != 4
            || !int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(s.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year < 1991 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new IssueWeek(year, number);
        return true;
    }

    public static bool operator <(IssueWeek left, IssueWeek right) => left.CompareTo(right) < 0;

    public static bool operator <=(IssueWeek left, IssueWeek right) => left.CompareTo(right) <= 0;

    public static bool operator >(IssueWeek left, IssueWeek right) => left.CompareTo(right) > 0;

    public static bool operator >=(IssueWeek left, IssueWeek right) => left.CompareTo(right) >= 0;
}
