using System.CommandLine;
using Roundup.Issues;
using Roundup.Papers;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup correct --week W [--paper ID] --text …</c>: an erratum. The archive page and the feed entry show it
/// (the entry's updated time moves); it is not e-mailed.
/// </summary>
public static class CorrectCommand
{
    public static Command Create()
    {
        var command = new Command("correct", "Record a correction to a week's issue (shown in the archive and feeds, not e-mailed)");
        var week = CommonOptions.Week();
        var paper = new Option<string?>("--paper") { Description = "arXiv id of the paper it corrects (none: the whole issue)" };
        var text = new Option<string>("--text") { Description = "The correction", Required = true };
        command.Options.Add(week);
        command.Options.Add(paper);
        command.Options.Add(text);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var issue = await IssueFiles.LoadAsync(host, IssueFiles.Week(parse.GetValue(week), host), ct);
            ArxivId? id = null;
            if (parse.GetValue(paper) is { } given)
            {
                id = ArxivId.TryParse(given, out var parsed, out var error) ? parsed.WithoutVersion() : throw new UsageException($"--paper: {error}");
                if (!issue.Entries.Any(e => e.Id.Canonical == parsed.Canonical))
                {
                    throw new UsageException($"{parsed.Canonical} is not in the {issue.Week} issue");
                }
            }

            var words = parse.GetValue(text)!.Trim();
            if (words.Length == 0)
            {
                throw new UsageException("--text is empty");
            }

            var saved = await IssueFiles.SaveAsync(host, issue, issue with { Corrections = [.. issue.Corrections, new Correction(id, words, host.Time.GetUtcNow())] }, ct);
            if (saved.Status == IssueStatus.Published)
            {
                await IssueFiles.RebuildArchiveAsync(host, ct);
            }

            Console.Out.WriteLine($"correction recorded in {saved.Week} (version {saved.Version}){(saved.Status == IssueStatus.Published ? "; archive and feeds rebuilt" : "")}");
            return CommandRunner.Success;
        });
        return command;
    }
}
