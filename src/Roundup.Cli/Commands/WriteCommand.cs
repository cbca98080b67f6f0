using System.CommandLine;
using Roundup.Application.Selecting;
using Roundup.Application.Writing;
using Roundup.Publishing.Markdown;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup write --week W</c>: the week's picks (selection reruns only what changed) written into a Draft issue
/// (<see cref="WriteIssue"/>), printed as Markdown. An approved issue is only rewritten with <c>--force</c>.
/// </summary>
public static class WriteCommand
{
    public static Command Create()
    {
        var command = new Command("write", "Write the week's picks into a Draft issue (summaries, commentary, sections by theme), save it and print it as Markdown");
        var window = WindowArguments.AddTo(command);
        var force = new Option<bool>("--force") { Description = "Rewrite an issue already approved (it becomes a Draft again)" };
        command.Options.Add(force);
        var fullText = FullTextArguments.AddTo(command);
        CommandRunner.SetAction(command, fullText.Overrides, async (parse, host, ct) =>
        {
            var w = window.Resolve(parse, host.Calendar, host.Time);
            var selection = await new SelectWeek(host).RunAsync(w, ct);
            var issue = await new WriteIssue(host).RunAsync(w, selection.Result, parse.GetValue(force), ct);
            Console.Out.Write(Output.TerminalText.Document(IssueMarkdown.Render(issue, host.Options.Publish.Site())));
            return CommandRunner.Success;
        });
        return command;
    }
}
