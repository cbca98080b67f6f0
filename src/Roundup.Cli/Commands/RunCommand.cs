using System.CommandLine;
using System.Text.Json.Nodes;
using Roundup.Cli.Output;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup run</c>: the weekly job. Harvests the week, reports completeness, selects the picks (reading the
/// shortlist's full texts), writes the Draft issue, prints it as Markdown and leaves a preview in Publish:PreviewDir.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "The weekly job: harvest this week's papers (or --week), report completeness, select the picks, write the Draft issue and preview it");
        var (window, sources, strict, format) = HarvestArguments.AddTo(command);
        var fullText = FullTextArguments.AddTo(command);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            fullText.Apply(parse, host);
            var w = Window.Resolve(parse, window, host.Calendar, host.Time);
            var harvest = await HarvestCommand.RunAsync(host, w, parse.GetValue(sources), ct);
            if ((parse.GetValue(strict) || host.Options.Harvest.Strict) && !harvest.Outcome.Report.IsComplete)
            {
                return HarvestCommand.Print(harvest, parse.GetValue(format), strict: true);
            }

            var (selection, judgements) = await SelectCommand.RunAsync(host, w, ct);
            var issue = w.Week is null ? null : await WriteCommand.RunAsync(host, w, selection, force: false, ct);
            var site = host.Options.Publish.Site();
            var preview = issue is null ? [] : IssueFiles.WritePreview(issue, site, host.Options.Publish.PreviewDir);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                var json = new JsonObject
                {
                    ["harvest"] = JsonNode.Parse(CompletenessPrinter.Json(harvest.Outcome, w.Describe())),
                    ["selection"] = JsonNode.Parse(SelectionPrinter.Json(selection, judgements)),
                    ["issue"] = issue is null ? null : new JsonObject
                    {
                        ["week"] = issue.Week.ToString(),
                        ["version"] = issue.Version,
                        ["status"] = issue.Status.ToString(),
                        ["title"] = issue.Title,
                        ["papers"] = issue.Entries.Count(),
                        ["grounding"] = issue.Grounding.ToString(),
                        ["preview"] = new JsonArray([.. preview.Select(p => JsonValue.Create(p))]),
                    },
                };
                Console.Out.WriteLine(TerminalText.Json(json.ToJsonString(CliJson.Indented)));
            }
            else
            {
                Console.Out.Write(CompletenessPrinter.Table(harvest.Outcome, w.Describe()));
                Console.Out.WriteLine();
                Console.Out.Write(SelectionPrinter.Table(selection, judgements));
                if (issue is not null)
                {
                    Console.Out.WriteLine();
                    Console.Out.Write(TerminalText.Document(Roundup.Publishing.Markdown.IssueMarkdown.Render(issue, site)));
                    Console.Out.WriteLine();
                    Console.Out.WriteLine($"Draft {issue.Week} (version {issue.Version}) saved; {issue.Grounding}; preview in {Path.GetFullPath(host.Options.Publish.PreviewDir)}");
                }
            }

            return CommandRunner.Success;
        });
        return command;
    }
}
