using System.CommandLine;
using Roundup.Application.Hosting;
using Roundup.Application.Weeks;
using Roundup.Calendar;

namespace Roundup.Cli.Commands;

/// <summary><c>--week</c>, or <c>--from</c>/<c>--until</c>: the window a verb works on (default: the latest listing's week).</summary>
public sealed record WindowArguments(Option<string?> Week, Option<DateOnly?> From, Option<DateOnly?> Until)
{
    public static WindowArguments AddTo(Command command)
    {
        var arguments = new WindowArguments(CommonOptions.Week(), CommonOptions.From(), CommonOptions.Until());
        command.Options.Add(arguments.Week);
        command.Options.Add(arguments.From);
        command.Options.Add(arguments.Until);
        return arguments;
    }

    public Window Resolve(ParseResult parse, ArxivCalendar calendar, TimeProvider time) =>
        Window.Resolve(parse.GetValue(Week), parse.GetValue(From), parse.GetValue(Until), calendar, time);

    /// <summary>The issue week a verb's <c>--week</c> names, or by default the latest listing's week (as run and write).</summary>
    public static IssueWeek ResolveWeek(ParseResult parse, Option<string?> week, RoundupHost host) =>
        Window.ResolveWeek(parse.GetValue(week), host.Calendar, host.Time);
}
