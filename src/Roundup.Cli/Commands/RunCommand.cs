using System.CommandLine;
using System.Text.Json.Nodes;
using Roundup.Cli.Output;

namespace Roundup.Cli.Commands;

/// <summary><c>roundup run</c>: the weekly job. Harvests the week, reports completeness, and selects the picks.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "The weekly job: harvest this week's papers (or --week), report completeness, and select the picks");
        var (window, sources, strict, format) = HarvestArguments.AddTo(command);
        var fullText = FullTextArguments.AddTo(command);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            fullText.Apply(parse, host);
            var w = Window.Resolve(parse, window, host.Calendar, host.Time);
            var harvest = await HarvestCommand.RunAsync(host, w, parse.GetValue(sources), ct);
            if ((parse.GetValue(strict) || host.Options.Harvest.Strict) && !harvest.Outcome.Report.IsComplete)
            {
                return HarvestCommand.Print(harvest, parse.GetValue(format), strict: true);
            }

            var (selection, judgements) = await SelectCommand.RunAsync(host, w, ct);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                var json = new JsonObject
                {
                    ["harvest"] = JsonNode.Parse(CompletenessPrinter.Json(harvest.Outcome, w.Describe())),
                    ["selection"] = JsonNode.Parse(SelectionPrinter.Json(selection, judgements)),
                };
                Console.Out.WriteLine(json.ToJsonString(CliJson.Indented));
            }
            else
            {
                Console.Out.Write(CompletenessPrinter.Table(harvest.Outcome, w.Describe()));
                Console.Out.WriteLine();
                Console.Out.Write(SelectionPrinter.Table(selection, judgements));
            }

            return CommandRunner.Success;
        });
        return command;
    }
}
