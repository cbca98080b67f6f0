using System.CommandLine;
using Roundup.Cli.Output;
using Roundup.Papers;

namespace Roundup.Cli.Commands;

/// <summary><c>roundup explain ID</c>: one paper's path through the week's funnel, with every reason.</summary>
public static class ExplainCommand
{
    public static Command Create()
    {
        var command = new Command("explain", "Show one paper's path through a week's funnel: each stage's decision and the contributions behind its score");
        var id = new Argument<string>("id") { Description = "arXiv id, e.g. 2506.01234" };
        command.Arguments.Add(id);
        var window = Window.Options.Create();
        window.AddTo(command);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var text = parse.GetValue(id)!;
            var paperId = ArxivId.TryParse(text, out var parsed, out var error) ? parsed.WithoutVersion() : throw new UsageException(error);
            var w = Window.Resolve(parse, window, host.Calendar, host.Time);
            var store = await host.StoreAsync(ct);
            var paper = await store.Papers.GetPaperAsync(paperId, ct) ?? throw new UsageException($"{paperId} is not in the store (harvest or import its week first)");
            var path = (await store.Selection.GetJudgementsAsync(w.Key, cancellationToken: ct)).Where(j => j.Paper == paperId).ToList();
            Console.Out.Write(SelectionPrinter.Explain(w.Key.ToString(), paper, path));
            return CommandRunner.Success;
        });
        return command;
    }
}
