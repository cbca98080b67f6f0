using System.CommandLine;
using Roundup.Issues;

namespace Roundup.Cli.Commands;

/// <summary><c>roundup publish --week W</c>: an approved issue goes into the web archive and the feeds (Publish:ArchiveDir).</summary>
public static class PublishCommand
{
    public static Command Create()
    {
        var command = new Command("publish", "Publish an approved issue: rebuild the web archive and the feeds with it");
        var week = CommonOptions.Week();
        command.Options.Add(week);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var issue = await IssueFiles.LoadAsync(host, IssueFiles.Week(parse.GetValue(week), host), ct);
            if (issue.Status == IssueStatus.Draft)
            {
                throw new UsageException($"{issue.Week} is a Draft: approve it first (roundup approve --week {issue.Week})");
            }

            if (issue.Status == IssueStatus.Approved)
            {
                issue = await IssueFiles.SaveAsync(host, issue, issue with { Status = IssueStatus.Published, Published = host.Time.GetUtcNow() }, ct);
            }

            var files = await IssueFiles.RebuildArchiveAsync(host, ct);
            Console.Out.WriteLine($"{issue.Week} published: {files.Count} files in {Path.GetFullPath(host.Options.Publish.ArchiveDir)}");
            return CommandRunner.Success;
        });
        return command;
    }
}
