using System.CommandLine;
using Roundup.Application.Issues;
using Roundup.Application.Publishing;
using Roundup.Publishing.Email;
using Roundup.Publishing.Feeds;
using Roundup.Publishing.Markdown;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup render --week W [--format markdown|email-html|email-text|atom|rss|json-feed] [--out DIR]</c>: a week's
/// issue in one format on stdout, or every reader-facing file of it in DIR. Works on drafts: nothing is published.
/// </summary>
public static class RenderCommand
{
    private static readonly string[] Formats = ["markdown", "email-html", "email-text", "atom", "rss", "json-feed"];

    public static Command Create()
    {
        var command = new Command("render", "Print a week's issue (draft or not) as Markdown, e-mail HTML or text, or a feed; or write all its files with --out");
        var week = CommonOptions.Week();
        var format = new Option<string>("--format") { Description = string.Join(" | ", Formats), DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--out") { Description = "Write the Markdown, e-mail (HTML and text) and funnel figure of the issue into this folder; once approved, also its feeds and archive pages" };
        command.Options.Add(week);
        command.Options.Add(format);
        command.Options.Add(output);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var issue = await new IssueVersions(host).LoadAsync(WindowArguments.ResolveWeek(parse, week, host), ct);
            var site = host.Options.Publish.Site();
            if (parse.GetValue(output) is { } directory)
            {
                foreach (var file in IssueFiles.WritePreview(issue, site, directory))
                {
                    Console.Out.WriteLine(file);
                }

                if (issue.Status == Roundup.Issues.IssueStatus.Draft)
                {
                    await Console.Error.WriteLineAsync($"roundup: {issue.Week} is a Draft: its feeds and archive pages are written once it is approved");
                }

                return CommandRunner.Success;
            }

            var sample = new EmailPersonalisation(null, site.Url("unsubscribe?preview"));
            Console.Out.Write(Output.TerminalText.Document(parse.GetValue(format) switch
            {
                "email-html" => IssueEmail.Render(issue, site, sample).Html,
                "email-text" => IssueEmail.Render(issue, site, sample).Text,
                "atom" => IssueFeeds.Atom([issue], site),
                "rss" => IssueFeeds.Rss([issue], site),
                "json-feed" => IssueFeeds.JsonFeed([issue], site),
                _ => IssueMarkdown.Render(issue, site),
            }));
            return CommandRunner.Success;
        });
        return command;
    }
}
