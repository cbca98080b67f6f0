namespace Roundup.Calendar;

/// <summary>
/// arXiv's announcement schedule, in US Eastern time: a batch goes out at 20:00 Sunday to Thursday, except on
/// holidays. The listing pages date a batch by the next day, so the listing dates are Monday to Friday. Submissions
/// close at 14:00 on weekdays; Thursday 14:00 to Friday 14:00 is announced on Sunday.
/// </summary>
public sealed class ArxivCalendar
{
    public static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static readonly TimeOnly SubmissionCutoff = new(14, 0);
    private readonly HashSet<DateOnly> _holidays;

    public ArxivCalendar(IEnumerable<DateOnly>? holidays = null, DayOfWeek weekStartsOn = DayOfWeek.Monday)
    {
        _holidays = [.. holidays ?? ArxivHolidays.Known];
        WeekStartsOn = weekStartsOn;
    }

    /// <summary>The first day of an issue's seven-day span of listing dates (Monday by default).</summary>
    public DayOfWeek WeekStartsOn { get; }

    public IReadOnlyCollection<DateOnly> Holidays => _holidays;

    /// <summary>True when arXiv sends a batch on the evening of this (Eastern) day.</summary>
    public bool IsAnnouncementDay(DateOnly day) =>
        day.DayOfWeek is >= DayOfWeek.Sunday and <= DayOfWeek.Thursday && !_holidays.Contains(day);

    /// <summary>True when a listing page carries this date: the day after an announcement.</summary>
    public bool IsListingDate(DateOnly date) => IsAnnouncementDay(date.AddDays(-1));

    /// <summary>The seven days an issue spans, starting at the configured week boundary.</summary>
    public (DateOnly First, DateOnly Last) Span(IssueWeek week)
    {
        var offset = ((int)WeekStartsOn - (int)DayOfWeek.Monday + 7) % 7;
        var first = week.Monday.AddDays(offset);
        return (first, first.AddDays(6));
    }

    /// <summary>The listing dates an issue covers: normally five, fewer in a week with holidays.</summary>
    public IReadOnlyList<DateOnly> ListingDates(IssueWeek week)
    {
        var (first, last) = Span(week);
        return ListingDates(first, last);
    }

    public IReadOnlyList<DateOnly> ListingDates(DateOnly first, DateOnly last)
    {
        var dates = new List<DateOnly>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            if (IsListingDate(d))
            {
                dates.Add(d);
            }
        }

        return dates;
    }

    /// <summary>The issue whose span holds this listing date.</summary>
    public IssueWeek WeekOf(DateOnly listingDate)
    {
        var offset = ((int)WeekStartsOn - (int)DayOfWeek.Monday + 7) % 7;
        return IssueWeek.Containing(listingDate.AddDays(-offset));
    }

    /// <summary>The next listing date on or after this date.</summary>
    public DateOnly NextListingDate(DateOnly date)
    {
        var d = date;
        while (!IsListingDate(d))
        {
            d = d.AddDays(1);
        }

        return d;
    }

    /// <summary>
    /// The listing date a submission is expected on, without moderation delays (which can add one to four days):
    /// the first weekday 14:00 Eastern cut-off at or after it, announced that evening, or on Sunday for Friday's.
    /// </summary>
    public DateOnly ExpectedListingDate(DateTimeOffset submitted)
    {
        var local = TimeZoneInfo.ConvertTime(submitted, Eastern);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) >= SubmissionCutoff)
        {
            day = day.AddDays(1);
        }

        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        // The batch closing at this cut-off goes out that evening (Friday's on Sunday), or on the next
        // announcement day when that evening is a holiday.
        var announcement = day.DayOfWeek == DayOfWeek.Friday ? day.AddDays(2) : day;
        while (!IsAnnouncementDay(announcement))
        {
            announcement = announcement.AddDays(1);
        }

        return announcement.AddDays(1);
    }

    /// <summary>The listing date of today's newest batch as of this instant (before 20:00 Eastern, the previous one).</summary>
    public DateOnly LatestListingDate(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Eastern);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (local.Hour < 20)
        {
            day = day.AddDays(-1);
        }

        while (!IsAnnouncementDay(day))
        {
            day = day.AddDays(-1);
        }

        return day.AddDays(1);
    }
}
