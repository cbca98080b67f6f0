using Roundup.Application;
using System.CommandLine;
using Roundup.Application.Issues;
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
            var id = ArxivId.TryParse(parse.GetValue(paper), out var parsed, out var error) ? parsed : throw new UsageException($"--paper: {error}");
            var saved = await new EditEntry(host).RunAsync(WindowArguments.ResolveWeek(parse, week, host), id, parse.GetValue(tldr), parse.GetValue(summary), parse.GetValue(commentary), ct);
            Console.Out.WriteLine($"{id.Canonical} edited in {saved.Week} (version {saved.Version})");
            return CommandRunner.Success;
        });
        return command;
    }
}
