using Roundup.Calendar;
using Roundup.Selection;

namespace Roundup.Application.Weeks;

/// <summary>The listing dates a use case works on: an ISO week, or a range of listing dates.</summary>
public sealed record Window(DateOnly First, DateOnly Last, IssueWeek? Week)
{
    /// <summary>The key selection results are stored under: the ISO week, or the date range.</summary>
    public SelectionKey Key => Week is { } week ? SelectionKey.ForWeek(week) : SelectionKey.ForDates(First, Last);

    public string Describe() => Week is { } w ? $"{w} (listing dates {First:yyyy-MM-dd} to {Last:yyyy-MM-dd})" : $"{First:yyyy-MM-dd} to {Last:yyyy-MM-dd}";

    /// <summary>The window a request names: a week (text such as 2025-W26), or a range of listing dates, or by default the latest listing's week.</summary>
    public static Window Resolve(string? weekText, DateOnly? from, DateOnly? until, ArxivCalendar calendar, TimeProvider time)
    {
        if (weekText is not null && (from is not null || until is not null))
        {
            throw new UsageException("give --week or --from/--until, not both");
        }

        if (from is not null || until is not null)
        {
            var first = from ?? throw new UsageException("--until needs --from");
            var last = until ?? first;
            return last < first ? throw new UsageException($"--until {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}") : new Window(first, last, null);
        }

        var week = ResolveWeek(weekText, calendar, time);
        var (start, end) = calendar.Span(week);
        return new Window(start, end, week);
    }

    /// <summary>The week <c>--week</c> names, or by default the week of arXiv's latest listing date.</summary>
    public static IssueWeek ResolveWeek(string? weekText, ArxivCalendar calendar, TimeProvider time) =>
        weekText is null ? calendar.WeekOf(calendar.LatestListingDate(time.GetUtcNow()))
        : IssueWeek.TryParse(weekText, out var week) ? week
        : throw new UsageException($"--week '{weekText}' is not an ISO week such as 2025-W26");
}
