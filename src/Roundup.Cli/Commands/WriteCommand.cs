using System.CommandLine;
using Microsoft.Extensions.Logging;
using Roundup.Calendar;
using Roundup.Cli.Hosting;
using Roundup.FullText;
using Roundup.FullText.Scoring;
using Roundup.Issues;
using Roundup.Publishing.Markdown;
using Roundup.Selection;
using Roundup.Writing.Issues;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup write --week W</c>: the week's picks (selection reruns only what changed) written into a Draft issue —
/// grounded summaries and commentary, sections by theme — saved as a new version and printed as Markdown. The
/// curator's edits carry over; an approved issue is only rewritten with <c>--force</c>.
/// </summary>
public static class WriteCommand
{
    public static Command Create()
    {
        var command = new Command("write", "Write the week's picks into a Draft issue (summaries, commentary, sections by theme), save it and print it as Markdown");
        var window = Window.Options.Create();
        window.AddTo(command);
        var force = new Option<bool>("--force") { Description = "Rewrite an issue already approved (it becomes a Draft again)" };
        command.Options.Add(force);
        var fullText = FullTextArguments.AddTo(command);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            fullText.Apply(parse, host);
            var w = Window.Resolve(parse, window, host.Calendar, host.Time);
            var (selection, _) = await SelectCommand.RunAsync(host, w, ct);
            var issue = await RunAsync(host, w, selection, parse.GetValue(force), ct);
            Console.Out.Write(Output.TerminalText.Document(IssueMarkdown.Render(issue, host.Options.Publish.Site())));
            return CommandRunner.Success;
        });
        return command;
    }

    /// <summary>Writes and saves the Draft issue of <paramref name="selection"/>'s picks.</summary>
    public static async Task<Issue> RunAsync(RoundupHost host, Window window, FunnelResult selection, bool force, CancellationToken ct)
    {
        var week = window.Week ?? throw new UsageException("an issue is written for a week: give --week (e.g. 2025-W26), not --from/--until");
        var store = await host.StoreAsync(ct);
        var previous = await store.Issues.GetAsync(week, ct);
        if (previous is { Status: not IssueStatus.Draft } && !force)
        {
            throw new UsageException($"issue {week} is {previous.Status}: rewriting it would withdraw that; add --force to rewrite it as a Draft");
        }

        var logger = host.Logs.CreateLogger("Roundup.Writing");
        var profile = FunnelFactory.LoadProfile(host);
        var request = new IssueRequest
        {
            Week = week,
            Picks = await PicksAsync(host, selection, logger, ct),
            Funnel = Funnel(host, selection),
            EarlierIssues = (await store.Issues.ListAsync(ct)).Where(i => i.Week.CompareTo(week) < 0).ToList(),
            Previous = previous,
        };
        var composer = new IssueComposer(WriterFactory.Create(host, profile), await host.EmbedderAsync(ct), host.Time, logger);
        var (issue, tally) = await composer.ComposeAsync(request, ct);
        await store.Issues.SaveAsync(issue, ct);
        logger.LogInformation("issue {Week} version {Version} saved as a Draft: {Tally}", week, issue.Version, tally);
        return issue;
    }

    private static async Task<IReadOnlyList<PickToWrite>> PicksAsync(RoundupHost host, FunnelResult selection, ILogger logger, CancellationToken ct)
    {
        var folder = new FullTextFolder(host.Options.Selection.FullTextDir, new FullTextReader());
        var fetcher = host.FullTextFetcher();
        var picks = new List<PickToWrite>();
        foreach (var pick in selection.Picks)
        {
            PaperEvidence? evidence = null;
            try
            {
                await fetcher.FetchAsync(pick.Paper.Id, pick.Paper.Version, ct);
                evidence = folder.Load(pick.Paper, ct);
            }
            catch (FullTextException e)
            {
                logger.LogWarning("{Paper}: full text unreadable ({Problem}); writing from the abstract", pick.Paper.Id, e.Problem);
            }

            var reasons = pick.Judgement.Contributions.OrderByDescending(c => Math.Abs(c.Value)).Take(5).Select(c => c.Label).Prepend(pick.Judgement.Decision).ToList();
            picks.Add(new PickToWrite(pick.Paper, reasons, evidence));
        }

        return picks;
    }

    private static List<FunnelCount> Funnel(RoundupHost host, FunnelResult selection)
    {
        var configs = host.Options.Selection.EffectiveStages.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var counts = selection.Stages.Select(s => s.Run).OrderBy(r => r.Position).Select(r => new FunnelCount(
            r.Stage,
            r.Entered,
            r.Advanced,
            configs.TryGetValue(r.Stage, out var c) ? Budget(c) : r.Stage == "scope" ? "the profile's categories" : "")).ToList();
        var picks = counts.FindIndex(c => c.Stage == "picks");
        if (picks >= 0)
        {
            counts[picks] = counts[picks] with { Budget = FormattableString.Invariant($"{FunnelFactory.LoadProfile(host).Picks} picks, diverse") };
        }

        return counts;
    }

    private static string Budget(Configuration.StageConfig stage) => (stage.Keep, stage.KeepShare) switch
    {
        ({ } keep, { } share) => FormattableString.Invariant($"keep {keep} or {share:P0}"),
        ({ } keep, null) => FormattableString.Invariant($"keep {keep}"),
        (null, { } share) => FormattableString.Invariant($"keep {share:P0}"),
        _ => "no limit",
    };
}
