using System.CommandLine;
using Roundup.Cli.Hosting;
using Roundup.Cli.Output;
using Roundup.Selection;

namespace Roundup.Cli.Commands;

/// <summary><c>roundup select</c>: run the funnel over a week's stored papers and print the stages and the picks.</summary>
public static class SelectCommand
{
    public static Command Create()
    {
        var command = new Command("select", "Run the selection funnel over a week's stored papers: per-stage table and the picks with their reasons");
        var window = Window.Options.Create();
        window.AddTo(command);
        var format = CommonOptions.Format();
        var fullText = FullTextArguments.AddTo(command);
        command.Options.Add(format);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            fullText.Apply(parse, host);
            var w = Window.Resolve(parse, window, host.Calendar, host.Time);
            var (result, judgements) = await RunAsync(host, w, ct);
            Console.Out.Write(parse.GetValue(format) == OutputFormat.Json ? SelectionPrinter.Json(result, judgements) + Environment.NewLine : SelectionPrinter.Table(result, judgements));
            return CommandRunner.Success;
        });
        return command;
    }

    public static async Task<(FunnelResult Result, IReadOnlyList<Judgement> Judgements)> RunAsync(RoundupHost host, Window window, CancellationToken ct)
    {
        var profile = FunnelFactory.LoadProfile(host);
        var store = await host.StoreAsync(ct);
        var papers = await store.Papers.GetPapersAnnouncedAsync(window.First, window.Last, ct);
        var funnel = await FunnelFactory.CreateAsync(host, profile, ct);
        var scope = profile.Categories.Count > 0 ? profile.Categories : host.Options.Harvest.EffectiveCategories;
        var result = await funnel.RunAsync(window.Key, papers, profile, scope, ct);
        return (result, await store.Selection.GetJudgementsAsync(window.Key, cancellationToken: ct));
    }
}
