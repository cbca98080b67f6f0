using System.CommandLine;
using Roundup.Calendar;
using Roundup.Selection;

namespace Roundup.Cli.Commands;

/// <summary>The listing dates a command works on: <c>--week</c>, or <c>--from</c>/<c>--until</c>, or the current week.</summary>
public sealed record Window(DateOnly First, DateOnly Last, IssueWeek? Week)
{
    public sealed record Options(Option<string?> Week, Option<DateOnly?> From, Option<DateOnly?> Until)
    {
        public static Options Create() => new(CommonOptions.Week(), CommonOptions.From(), CommonOptions.Until());

        public void AddTo(Command command)
        {
            command.Options.Add(Week);
            command.Options.Add(From);
            command.Options.Add(Until);
        }
    }

    /// <summary>The key selection results are stored under: the ISO week, or the date range.</summary>
    public SelectionKey Key => Week is { } week ? SelectionKey.ForWeek(week) : SelectionKey.ForDates(First, Last);

    public string Describe() => Week is { } w ? $"{w} (listing dates {First:yyyy-MM-dd} to {Last:yyyy-MM-dd})" : $"{First:yyyy-MM-dd} to {Last:yyyy-MM-dd}";

    public static Window Resolve(ParseResult parse, Options options, ArxivCalendar calendar, TimeProvider time)
    {
        var weekText = parse.GetValue(options.Week);
        var from = parse.GetValue(options.From);
        var until = parse.GetValue(options.Until);
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
