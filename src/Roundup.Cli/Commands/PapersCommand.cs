using System.CommandLine;
using Roundup.Cli.Output;

namespace Roundup.Cli.Commands;

/// <summary><c>roundup papers</c>: list the stored papers first announced in a week.</summary>
public static class PapersCommand
{
    public static Command Create()
    {
        var command = new Command("papers", "List the stored papers first announced in a week (or --from/--until)");
        var window = WindowArguments.AddTo(command);
        var format = CommonOptions.Format();
        command.Options.Add(format);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var w = window.Resolve(parse, host.Calendar, host.Time);
            var store = await host.StoreAsync(ct);
            var papers = await store.Papers.GetPapersAnnouncedAsync(w.First, w.Last, ct);
            Console.Out.Write(parse.GetValue(format) == OutputFormat.Json ? PaperPrinter.Json(papers) + Environment.NewLine : PaperPrinter.Table(papers));
            return CommandRunner.Success;
        });
        return command;
    }
}
