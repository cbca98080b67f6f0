using System.CommandLine;
using Roundup.Application.Publishing;

namespace Roundup.Cli.Commands;

/// <summary><c>roundup publish --week W</c>: an approved issue goes into the web archive and the feeds (<see cref="PublishIssue"/>).</summary>
public static class PublishCommand
{
    public static Command Create()
    {
        var command = new Command("publish", "Publish an approved issue: rebuild the web archive and the feeds with it");
        var week = CommonOptions.Week();
        command.Options.Add(week);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var (issue, files) = await new PublishIssue(host).RunAsync(WindowArguments.ResolveWeek(parse, week, host), ct);
            Console.Out.WriteLine($"{issue.Week} published: {files.Count} files in {Path.GetFullPath(host.Options.Publish.ArchiveDir)}");
            return CommandRunner.Success;
        });
        return command;
    }
}
