using System.CommandLine;
using Roundup.Application.Weekly;
using Roundup.Cli.Output;
using Roundup.Publishing.Markdown;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup run</c>: the weekly job (<see cref="RunWeek"/>). Prints the completeness report, the selection and the
/// Draft issue as Markdown, and where the preview is.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "The weekly job: harvest this week's papers (or --week), report completeness, select the picks, write the Draft issue and preview it");
        var (window, sources, strict, format) = HarvestArguments.AddTo(command);
        var fullText = FullTextArguments.AddTo(command);
        CommandRunner.SetAction(command, fullText.Overrides, async (parse, host, ct) =>
        {
            var run = await new RunWeek(host).RunAsync(window.Resolve(parse, host.Calendar, host.Time), parse.GetValue(sources), parse.GetValue(strict), ct);
            if (run.StoppedIncomplete)
            {
                return HarvestCommand.Print(run.Harvest, parse.GetValue(format), strict: true);
            }

            var (harvest, selection, issue) = (run.Harvest, run.Selection!, run.Issue);
            var site = host.Options.Publish.Site();
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.Out.WriteLine(CliJson.Serialize(new
                {
                    harvest = CompletenessPrinter.Document(harvest.Outcome, harvest.Window.Describe()),
                    selection = SelectionPrinter.Document(selection.Result, selection.Judgements),
                    issue = issue is null ? null : new
                    {
                        week = issue.Week.ToString(),
                        version = issue.Version,
                        status = issue.Status.ToString(),
                        title = issue.Title,
                        papers = issue.Entries.Count(),
                        grounding = issue.Grounding.ToString(),
                        preview = run.Preview,
                    },
                }));
                return CommandRunner.Success;
            }

            Console.Out.Write(CompletenessPrinter.Table(harvest.Outcome, harvest.Window.Describe()));
            Console.Out.WriteLine();
            Console.Out.Write(SelectionPrinter.Table(selection.Result, selection.Judgements));
            if (issue is not null)
            {
                Console.Out.WriteLine();
                Console.Out.Write(TerminalText.Document(IssueMarkdown.Render(issue, site)));
                Console.Out.WriteLine();
                Console.Out.WriteLine($"Draft {issue.Week} (version {issue.Version}) saved; {issue.Grounding}; preview in {Path.GetFullPath(host.Options.Publish.PreviewDir)}");
            }

            return CommandRunner.Success;
        });
        return command;
    }
}
