using Roundup.Application;
using System.CommandLine;
using Roundup.Application.Selecting;
using Roundup.Papers;
using Roundup.Selection;

namespace Roundup.Cli.Commands;

/// <summary><c>roundup pin ID</c> and <c>roundup drop ID</c>: the curator's word on a paper for a week, respected by every stage.</summary>
public static class DecisionCommand
{
    public static Command Create(DecisionKind kind)
    {
        var name = kind == DecisionKind.Pin ? "pin" : "drop";
        var command = new Command(name, kind == DecisionKind.Pin
            ? "Pin a paper for a week: it passes every stage and is picked"
            : "Drop a paper for a week: it leaves the funnel at the first stage");
        var id = new Argument<string>("id") { Description = "arXiv id" };
        var note = new Option<string?>("--note") { Description = "Why (kept with the decision, and later with the taste model's training data)" };
        command.Arguments.Add(id);
        command.Options.Add(note);
        var window = WindowArguments.AddTo(command);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var paperId = ArxivId.TryParse(parse.GetValue(id), out var parsed, out var error) ? parsed.WithoutVersion() : throw new UsageException(error);
            var w = window.Resolve(parse, host.Calendar, host.Time);
            await new CuratorDecisions(host).DecideAsync(w, new CuratorDecision(paperId, kind, parse.GetValue(note)), ct);
            Console.Out.WriteLine($"{(kind == DecisionKind.Pin ? "Pinned" : "Dropped")} {paperId} for {w.Key}; the next roundup select reruns what it changes.");
            return CommandRunner.Success;
        });
        return command;
    }
}
