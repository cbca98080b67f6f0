using System.CommandLine;
using Roundup.Application.Harvesting;
using Roundup.Cli.Output;

namespace Roundup.Cli.Commands;

/// <summary><c>roundup harvest</c>: fetch a week's papers from the configured sources and report completeness (<see cref="HarvestWeek"/>).</summary>
public static class HarvestCommand
{
    public static Command Create()
    {
        var command = new Command("harvest", "Harvest the papers announced in a week (or --from/--until) and print how complete the harvest is");
        var (window, sources, strict, format) = HarvestArguments.AddTo(command);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var harvest = await new HarvestWeek(host).RunAsync(window.Resolve(parse, host.Calendar, host.Time), parse.GetValue(sources), ct);
            return Print(harvest, parse.GetValue(format), parse.GetValue(strict) || host.Options.Harvest.Strict);
        });
        return command;
    }

    public static int Print(WeekHarvest harvest, OutputFormat format, bool strict)
    {
        Console.Out.Write(format == OutputFormat.Json
            ? CompletenessPrinter.Json(harvest.Outcome, harvest.Window.Describe()) + Environment.NewLine
            : CompletenessPrinter.Table(harvest.Outcome, harvest.Window.Describe()));
        if (strict && !harvest.IsComplete)
        {
            Console.Error.WriteLine("roundup: the harvest is incomplete (--strict): see the report above");
            return CommandRunner.Failed;
        }

        return CommandRunner.Success;
    }
}
