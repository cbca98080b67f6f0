using System.CommandLine;
using Roundup.Application;
using Roundup.Application.Selecting;
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
        var window = WindowArguments.AddTo(command);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var paperId = ArxivId.TryParse(parse.GetValue(id)!, out var parsed, out var error) ? parsed.WithoutVersion() : throw new UsageException(error);
            var w = window.Resolve(parse, host.Calendar, host.Time);
            var (paper, path) = await new CuratorDecisions(host).ExplainAsync(w, paperId, ct);
            Console.Out.Write(SelectionPrinter.Explain(w.Key.ToString(), paper, path));
            return CommandRunner.Success;
        });
        return command;
    }
}
