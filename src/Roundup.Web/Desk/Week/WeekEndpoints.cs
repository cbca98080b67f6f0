using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Roundup.Application;
using Roundup.Application.Harvesting;
using Roundup.Application.Reading;
using Roundup.Application.Selecting;
using Roundup.Application.Weeks;
using Roundup.Application.Writing;
using Roundup.Calendar;
using Roundup.FullText;
using Roundup.FullText.Facts;
using Roundup.Papers;
using Roundup.Publishing.Archive;
using Roundup.Selection;
using Roundup.Web.Desk.Components;
using Roundup.Web.Pages;

namespace Roundup.Web.Desk.Week;

/// <summary>
/// The week at the desk: <c>desk/week</c> (harvest completeness, the funnel, each stage's papers, triage),
/// <c>desk/paper/{id}</c> (one paper's path through the funnel and the facts of its full text, if already read into
/// the folder), the curator's pin, drop and undo (plain forms, or the triage script's fetch with the
/// <c>X-Desk-Form</c> header, answered with JSON), and the harvest and selection reruns as background jobs.
/// </summary>
internal static class WeekEndpoints
{
    public static void Map(RouteGroupBuilder desk, string listName)
    {
        desk.MapGet("/week", context => WeekAsync(context, listName));
        desk.MapGet("/paper/{**id}", context => PaperAsync(context, listName));
        desk.MapPost("/decide", context => DecideAsync(context, listName, undo: false));
        desk.MapPost("/undo", context => DecideAsync(context, listName, undo: true));
        desk.MapPost("/week/harvest", context => StartJobAsync(context, listName, harvest: true));
        desk.MapPost("/week/select", context => StartJobAsync(context, listName, harvest: false));
    }

    private static async Task WeekAsync(HttpContext context, string listName)
    {
        var desk = DeskView.Services(context);
        var ct = context.RequestAborted;
        var query = context.Request.Query;
        if (!TryWindow(query["week"].ToString(), desk, out var window))
        {
            await DeskView.BadRequestAsync(context, listName, "Not understood", $"'{query["week"]}' is not an ISO week such as 2025-W26.");
            return;
        }

        var runs = (await desk.Store.Selection.GetStageRunsAsync(window.Key, ct)).OrderBy(r => r.Position).ToList();
        var stage = query["stage"].ToString() is { Length: > 0 } s && runs.Any(r => r.Stage == s) ? s : runs.LastOrDefault()?.Stage;
        var filter = new WeekFilter(stage, query["category"].ToString().Trim(), query["decision"].ToString(), query["q"].ToString().Trim(), query["order"].ToString() == WeekFilter.Unsure ? WeekFilter.Unsure : WeekFilter.Rank);
        var papers = (await desk.Store.Papers.GetPapersAnnouncedAsync(window.First, window.Last, ct)).ToDictionary(p => p.Id.Canonical, StringComparer.Ordinal);
        var decisions = await new CuratorDecisions(desk.Host).ForWindowAsync(window, ct);
        var judgements = stage is null ? [] : await desk.Store.Selection.GetJudgementsAsync(window.Key, stage, ct);
        var ordered = filter.Order == WeekFilter.Unsure ? StageCut.LeastSureFirst(judgements) : [.. judgements.OrderBy(j => j.Rank)];
        var rows = ordered
            .Select(j => new WeekRow(j, papers.GetValueOrDefault(j.Paper.Canonical), decisions.TryGetValue(j.Paper.Canonical, out var kind) ? kind : null))
            .Where(filter.Keeps)
            .ToList();
        var completeness = await new HarvestCompleteness(desk.Host).RunAsync(window, ct);
        var funnel = FunnelCounts.Of(runs, desk.Host.Options.Selection.EffectiveStages, desk.Host.Profile.Picks);
        var categories = completeness.Categories.Concat(papers.Values.SelectMany(p => p.Categories)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        await DeskView.WriteAsync<WeekPage>(context, new Dictionary<string, object?>
        {
            [nameof(WeekPage.Desk)] = DeskView.Context(context, listName),
            [nameof(WeekPage.Window)] = window,
            [nameof(WeekPage.Runs)] = runs,
            [nameof(WeekPage.Filter)] = filter,
            [nameof(WeekPage.Rows)] = rows,
            [nameof(WeekPage.Cut)] = StageCut.Of(judgements),
            [nameof(WeekPage.Completeness)] = completeness,
            // Built by an XmlWriter from the stages' names and counts alone: no paper text is in it.
            [nameof(WeekPage.FunnelSvg)] = runs.Count == 0 ? null : FunnelFigure.Svg(funnel),
            [nameof(WeekPage.Categories)] = categories,
        });
    }

    private static async Task PaperAsync(HttpContext context, string listName)
    {
        var desk = DeskView.Services(context);
        var ct = context.RequestAborted;
        var idText = context.Request.RouteValues["id"]?.ToString() ?? "";
        if (!ArxivId.TryParse(idText, out var id, out var error))
        {
            await DeskView.BadRequestAsync(context, listName, "Not understood", $"'{idText}' is not an arXiv id: {error}.");
            return;
        }

        if (!TryWindow(context.Request.Query["week"].ToString(), desk, out var window))
        {
            await DeskView.BadRequestAsync(context, listName, "Not understood", $"'{context.Request.Query["week"]}' is not an ISO week such as 2025-W26.");
            return;
        }

        id = id.WithoutVersion();
        Paper paper;
        IReadOnlyList<Judgement> path;
        try
        {
            (paper, path) = await new CuratorDecisions(desk.Host).ExplainAsync(window, id, ct);
        }
        catch (UsageException e)
        {
            await LinkPages.Write(context.Response, LinkPages.Message(listName, "Not in the store", e.Message, StatusCodes.Status404NotFound), ct);
            return;
        }

        var decisions = await new CuratorDecisions(desk.Host).ForWindowAsync(window, ct);
        await DeskView.WriteAsync<WeekPaperPage>(context, new Dictionary<string, object?>
        {
            [nameof(WeekPaperPage.Desk)] = DeskView.Context(context, listName),
            [nameof(WeekPaperPage.Window)] = window,
            [nameof(WeekPaperPage.Paper)] = paper,
            [nameof(WeekPaperPage.Path)] = path,
            [nameof(WeekPaperPage.Decision)] = decisions.TryGetValue(id.Canonical, out var kind) ? kind : null,
            [nameof(WeekPaperPage.FullText)] = ReadOffline(desk, paper, ct),
        });
    }

    /// <summary>The paper's facts from a full text already in the folder; never fetched inside a request.</summary>
    private static WeekFullText ReadOffline(DeskServices desk, Paper paper, CancellationToken ct)
    {
        var folder = desk.Host.OfflineFullText().Folder;
        if (folder.Find(paper.Id) is null)
        {
            return new WeekFullText(null, [], null);
        }

        try
        {
            var evidence = folder.Load(paper, ct);
            return evidence is null ? new WeekFullText(null, [], null) : new WeekFullText(evidence, FactExtractor.Extract(evidence), null);
        }
        catch (FullTextException e)
        {
            return new WeekFullText(null, [], e.Message);
        }
    }

    /// <summary>A pin, a drop or an undo for a week, stored as the curator's decision through <see cref="CuratorDecisions"/>.</summary>
    private static async Task DecideAsync(HttpContext context, string listName, bool undo)
    {
        var ct = context.RequestAborted;
        var form = await context.Request.ReadFormAsync(ct);
        var desk = DeskView.Services(context);
        var kind = form["kind"].ToString() switch { "pin" => DecisionKind.Pin, "drop" => DecisionKind.Drop, _ => (DecisionKind?)null };
        if (!IssueWeek.TryParse(form["week"].ToString(), out var week) || !ArxivId.TryParse(form["paper"].ToString(), out var paper, out _) || (!undo && kind is null))
        {
            await DeskView.BadRequestAsync(context, listName, "Not understood", "The decision names no week, paper or kind (pin or drop) the desk knows: nothing was changed.");
            return;
        }

        var (first, last) = desk.Calendar.Span(week);
        var window = new Window(first, last, week);
        var decisions = new CuratorDecisions(desk.Host);
        var curator = context.User.Identity?.Name;
        paper = paper.WithoutVersion();
        if (undo)
        {
            await decisions.UndoAsync(window, paper, ct);
        }
        else
        {
            await decisions.DecideAsync(window, new CuratorDecision(paper, kind!.Value, $"from the desk by {curator}"), ct);
        }

        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Roundup.Web.Desk").LogInformation(
            "desk: {Curator} {Action} {Paper} for {Week}", curator, undo ? "undid the decision on" : kind.ToString()!.ToLowerInvariant(), paper.Canonical, week);
        if (context.Request.Headers.ContainsKey(DeskLimits.AntiforgeryHeader))
        {
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsJsonAsync(new DecisionView(paper.Canonical, undo ? null : kind!.Value.ToString().ToLowerInvariant()), ct);
            return;
        }

        DeskView.SeeOther(context, Back(context, form["return"].ToString(), $"week?week={week}&stage={Uri.EscapeDataString(form["stage"].ToString())}"));
    }

    /// <summary>Harvest or select the week in the background; the request answers at once with the job's page.</summary>
    private static async Task StartJobAsync(HttpContext context, string listName, bool harvest)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var desk = DeskView.Services(context);
        var weekText = form["week"].ToString();
        if (!IssueWeek.TryParse(weekText, out _))
        {
            await DeskView.BadRequestAsync(context, listName, "Not understood", $"'{weekText}' is not an ISO week such as 2025-W26: no job was started.");
            return;
        }

        var window = Window.Resolve(weekText, null, null, desk.Calendar, desk.Time);
        var root = DeskView.Root(context);
        if (harvest)
        {
            DeskView.StartJob(context, $"Harvest {window.Week}", async (job, host, ct) =>
            {
                job.ResultUrl = $"{root}week?week={window.Week}";
                var outcome = await new HarvestWeek(host).RunAsync(window, null, ct);
                job.Report($"harvested {outcome.Outcome.Report.TotalPapers} papers for {window.Describe()}; {(outcome.IsComplete ? "complete" : $"{outcome.Outcome.Report.MissingDates.Count} listing dates missing")}");
            });
        }
        else
        {
            DeskView.StartJob(context, $"Select {window.Week}", async (job, host, ct) =>
            {
                job.ResultUrl = $"{root}week?week={window.Week}";
                var selection = await new SelectWeek(host).RunAsync(window, ct);
                job.Report($"selected {selection.Result.Picks.Count} picks for {window.Describe()}");
            });
        }
    }

    private static bool TryWindow(string weekText, DeskServices desk, out Window window)
    {
        if (weekText.Length > 0 && !IssueWeek.TryParse(weekText, out _))
        {
            window = null!;
            return false;
        }

        window = Window.Resolve(weekText.Length == 0 ? null : weekText, null, null, desk.Calendar, desk.Time);
        return true;
    }

    /// <summary>Where a form goes back to: a desk page it names, or <paramref name="fallback"/> (never another site).</summary>
    private static string Back(HttpContext context, string asked, string fallback)
    {
        var root = DeskView.Root(context);
        return asked.StartsWith(root, StringComparison.Ordinal) && !asked.Contains("//", StringComparison.Ordinal) && !asked.Contains('\\', StringComparison.Ordinal) ? asked : root + fallback;
    }

    private sealed record DecisionView(string Paper, string? Decision);
}

/// <summary>What the week's list shows and in which order: a stage, a category, a decision, a text, rank or least sure first.</summary>
public sealed record WeekFilter(string? Stage, string Category, string Decision, string Text, string Order)
{
    public const string Rank = "rank";
    public const string Unsure = "unsure";

    public bool Keeps(WeekRow row) =>
        Decision switch
        {
            "advanced" => row.Judgement.Advanced,
            "stopped" => !row.Judgement.Advanced,
            "pinned" => row.Word == DecisionKind.Pin,
            "dropped" => row.Word == DecisionKind.Drop,
            "undecided" => row.Word is null,
            _ => true,
        }
        && (Category.Length == 0 || (row.Paper?.Categories.Contains(Category, StringComparer.OrdinalIgnoreCase) ?? false))
        && (Text.Length == 0 || Matches(row, Text));

    private static bool Matches(WeekRow row, string text) =>
        row.Judgement.Paper.Canonical.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (row.Paper is { } p && (p.Title.Contains(text, StringComparison.OrdinalIgnoreCase) || p.Authors.Any(a => a.Contains(text, StringComparison.OrdinalIgnoreCase))));
}

/// <summary>One paper of a stage: its judgement, the paper (null if the store lost it), and the curator's word on it.</summary>
public sealed record WeekRow(Judgement Judgement, Paper? Paper, DecisionKind? Word);

/// <summary>A paper's full text as the desk found it in the folder: its evidence and facts, or why it could not be read.</summary>
public sealed record WeekFullText(PaperEvidence? Evidence, IReadOnlyList<Fact> Facts, string? Problem);
