using System.CommandLine;
using Roundup.Cli.Configuration;
using Roundup.Cli.Hosting;
using Roundup.Cli.Output;
using Roundup.Harvesting;

namespace Roundup.Cli.Commands;

/// <summary><c>roundup harvest</c>: fetch a week's papers from the configured sources and report completeness.</summary>
public static class HarvestCommand
{
    public static Command Create()
    {
        var command = new Command("harvest", "Harvest the papers announced in a week (or --from/--until) and print how complete the harvest is");
        var (window, sources, strict, format) = HarvestArguments.AddTo(command);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var outcome = await RunAsync(host, Window.Resolve(parse, window, host.Calendar, host.Time), parse.GetValue(sources), ct);
            return Print(outcome, parse.GetValue(format), parse.GetValue(strict) || host.Options.Harvest.Strict);
        });
        return command;
    }

    public static async Task<(HarvestOutcome Outcome, Window Window)> RunAsync(RoundupHost host, Window window, string[]? sourceArgs, CancellationToken ct)
    {
        var specs = (sourceArgs is { Length: > 0 } given ? given : host.Options.Harvest.EffectiveSources).Select(SourceSpec.Parse).ToList();
        var sources = new List<IPaperSource>();
        foreach (var spec in specs)
        {
            sources.AddRange(await host.SourcesAsync(spec, ct));
        }

        var store = await host.StoreAsync(ct);
        var request = new HarvestRequest(window.First, window.Last, host.Options.Harvest.EffectiveCategories);
        var outcome = await new HarvestJob(store.Harvest, host.Calendar, host.Logs).RunAsync(sources, request, ct);
        return (outcome, window);
    }

    public static int Print((HarvestOutcome Outcome, Window Window) run, OutputFormat format, bool strict)
    {
        Console.Out.Write(format == OutputFormat.Json
            ? CompletenessPrinter.Json(run.Outcome, run.Window.Describe()) + Environment.NewLine
            : CompletenessPrinter.Table(run.Outcome, run.Window.Describe()));
        if (strict && !run.Outcome.Report.IsComplete)
        {
            Console.Error.WriteLine("roundup: the harvest is incomplete (--strict): see the report above");
            return CommandRunner.Failed;
        }

        return CommandRunner.Success;
    }
}
