using System.CommandLine;
using Roundup.Issues;
using Roundup.Papers;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup edit --week W --paper ID [--tldr …] [--summary …]… [--commentary …]</c>: the curator's words for one
/// paper, kept apart from the generated text, so <c>roundup write</c> never overwrites them. An empty value clears
/// that edit. Editing an approved issue keeps it approved.
/// </summary>
public static class EditCommand
{
    public static Command Create()
    {
        var command = new Command("edit", "Replace the TL;DR, summary or commentary of one paper in a week's issue with your own (kept across rewrites)");
        var week = CommonOptions.Week();
        var paper = new Option<string>("--paper") { Description = "arXiv id of the paper", Required = true };
        var tldr = new Option<string?>("--tldr") { Description = "One-line TL;DR" };
        var summary = new Option<string[]>("--summary") { Description = "A summary paragraph (repeat for several)", AllowMultipleArgumentsPerToken = false };
        var commentary = new Option<string?>("--commentary") { Description = "Commentary" };
        foreach (var option in new Option[] { week, paper, tldr, summary, commentary })
        {
            command.Options.Add(option);
        }

        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var issue = await IssueFiles.LoadAsync(host, IssueFiles.Week(parse.GetValue(week), host), ct);
            if (!ArxivId.TryParse(parse.GetValue(paper), out var id, out var error))
            {
                throw new UsageException($"--paper: {error}");
            }

            var entry = issue.Entries.FirstOrDefault(e => e.Id.Canonical == id.Canonical)
                ?? throw new UsageException($"{id.Canonical} is not in the {issue.Week} issue");
            var old = entry.Edits ?? EntryText.Empty;
            var edits = new EntryText(
                parse.GetValue(tldr) ?? old.Tldr,
                parse.GetValue(summary) is { Length: > 0 } paragraphs ? paragraphs.Where(p => p.Length > 0).ToList() : old.Summary,
                parse.GetValue(commentary) ?? old.Commentary);
            var changed = Replace(issue, entry, entry with { Edits = edits == EntryText.Empty || IsEmpty(edits) ? null : edits });
            var saved = await IssueFiles.SaveAsync(host, issue, changed, ct);
            Console.Out.WriteLine($"{id.Canonical} edited in {saved.Week} (version {saved.Version})");
            return CommandRunner.Success;
        });
        return command;
    }

    private static bool IsEmpty(EntryText text) => text.Tldr.Length == 0 && text.Summary.Count == 0 && text.Commentary.Length == 0;

    public static Issue Replace(Issue issue, IssueEntry old, IssueEntry updated) => issue with
    {
        Sections = issue.Sections.Select(s => s with { Entries = s.Entries.Select(e => ReferenceEquals(e, old) ? updated : e).ToList() }).ToList(),
    };
}
