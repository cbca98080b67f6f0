using System.CommandLine;
using Roundup.Application.Selecting;
using Roundup.Cli.Output;

namespace Roundup.Cli.Commands;

/// <summary><c>roundup select</c>: run the funnel over a week's stored papers (<see cref="SelectWeek"/>) and print the stages and the picks.</summary>
public static class SelectCommand
{
    public static Command Create()
    {
        var command = new Command("select", "Run the selection funnel over a week's stored papers: per-stage table and the picks with their reasons");
        var window = WindowArguments.AddTo(command);
        var format = CommonOptions.Format();
        var fullText = FullTextArguments.AddTo(command);
        command.Options.Add(format);
        CommandRunner.SetAction(command, fullText.Overrides, async (parse, host, ct) =>
        {
            var selection = await new SelectWeek(host).RunAsync(window.Resolve(parse, host.Calendar, host.Time), ct);
            Console.Out.Write(parse.GetValue(format) == OutputFormat.Json
                ? SelectionPrinter.Json(selection.Result, selection.Judgements) + Environment.NewLine
                : SelectionPrinter.Table(selection.Result, selection.Judgements));
            return CommandRunner.Success;
        });
        return command;
    }
}
