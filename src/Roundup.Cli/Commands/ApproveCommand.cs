using System.CommandLine;
using Roundup.Issues;

namespace Roundup.Cli.Commands;

/// <summary><c>roundup approve --week W</c>: the curator's go-ahead. Nothing is published or sent before it.</summary>
public static class ApproveCommand
{
    public static Command Create()
    {
        var command = new Command("approve", "Approve a week's Draft issue: from now on it can be published and sent");
        var week = CommonOptions.Week();
        command.Options.Add(week);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var issue = await IssueFiles.LoadAsync(host, IssueFiles.Week(parse.GetValue(week), host), ct);
            if (issue.Status != IssueStatus.Draft)
            {
                Console.Out.WriteLine($"{issue.Week} is already {issue.Status} (version {issue.Version})");
                return CommandRunner.Success;
            }

            var approved = await IssueFiles.SaveAsync(host, issue, issue with { Status = IssueStatus.Approved, Approved = host.Time.GetUtcNow() }, ct);
            Console.Out.WriteLine($"{approved.Week} approved (version {approved.Version}): {approved.Entries.Count()} papers, {approved.Grounding}");
            return CommandRunner.Success;
        });
        return command;
    }
}
