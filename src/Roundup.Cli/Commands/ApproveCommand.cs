using System.CommandLine;
using Roundup.Application.Publishing;

namespace Roundup.Cli.Commands;

/// <summary><c>roundup approve --week W</c>: the curator's go-ahead (<see cref="ApproveIssue"/>). Nothing is published or sent before it.</summary>
public static class ApproveCommand
{
    public static Command Create()
    {
        var command = new Command("approve", "Approve a week's Draft issue: from now on it can be published and sent");
        var week = CommonOptions.Week();
        command.Options.Add(week);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var (issue, approved) = await new ApproveIssue(host).RunAsync(WindowArguments.ResolveWeek(parse, week, host), ct);
            Console.Out.WriteLine(approved
                ? $"{issue.Week} approved (version {issue.Version}): {issue.Entries.Count()} papers, {issue.Grounding}"
                : $"{issue.Week} is already {issue.Status} (version {issue.Version})");
            return CommandRunner.Success;
        });
        return command;
    }
}
