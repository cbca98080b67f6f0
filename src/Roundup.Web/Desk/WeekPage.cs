using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Roundup.Calendar;
using Roundup.Papers;
using Roundup.Selection;
using Roundup.Web.Pages;

namespace Roundup.Web.Desk;

/// <summary>
/// The week at the desk: the funnel's counts stage by stage, and one stage's papers in rank order with their score and
/// the decision in words, filtered by decision (advanced or stopped) and by text in the title or authors.
/// </summary>
internal static class WeekPage
{
    public const int MaxRows = 1000;

    public static async Task<Page> RenderAsync(HttpContext context, DeskServices desk, string listName, string root, string formToken)
    {
        var query = context.Request.Query;
        var ct = context.RequestAborted;
        var week = IssueWeek.TryParse(query["week"].ToString(), out var asked) ? asked : desk.Calendar.WeekOf(desk.Calendar.LatestListingDate(desk.Time.GetUtcNow()));
        var runs = (await desk.Store.Selection.GetStageRunsAsync(SelectionKey.ForWeek(week), ct)).OrderBy(r => r.Position).ToList();
        var stage = query["stage"].ToString() is { Length: > 0 } s && runs.Any(r => r.Stage == s) ? s : runs.LastOrDefault()?.Stage;
        var decision = query["decision"].ToString();
        var text = query["q"].ToString().Trim();

        var html = new StringBuilder();
        html.Append("<p><a href=\"").Append(HtmlPage.Encode(root)).Append("\">Desk</a></p>\n");
        if (runs.Count == 0)
        {
            html.Append("<p>No selection is stored for this week yet: run <code>roundup select --week ").Append(HtmlPage.Encode(week.ToString())).Append("</code>.</p>\n");
            return new Page(StatusCodes.Status200OK, HtmlPage.Render(listName, $"Week {week}", "The funnel of the week.", html.ToString()));
        }

        html.Append("<table>\n<caption>The funnel</caption>\n<tr><th scope=\"col\">stage</th><th scope=\"col\">in</th><th scope=\"col\">out</th></tr>\n");
        foreach (var run in runs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{HtmlPage.Encode(Link(root, week, run.Stage, decision, text))}\">{HtmlPage.Encode(run.Stage)}</a></td><td>{run.Entered:N0}</td><td>{run.Advanced:N0}</td></tr>\n");
        }

        html.Append("</table>\n");
        html.Append("<form method=\"get\" action=\"").Append(HtmlPage.Encode(root)).Append("week\">\n")
            .Append("<input type=\"hidden\" name=\"week\" value=\"").Append(HtmlPage.Encode(week.ToString())).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"stage\" value=\"").Append(HtmlPage.Encode(stage!)).Append("\">\n")
            .Append("<label for=\"q\">Title or author contains</label>\n<input id=\"q\" name=\"q\" type=\"search\" value=\"").Append(HtmlPage.Encode(text)).Append("\">\n")
            .Append("<label for=\"decision\">Decision</label>\n<select id=\"decision\" name=\"decision\">")
            .Append(Option("", "any", decision)).Append(Option("advanced", "went on", decision)).Append(Option("stopped", "stopped here", decision))
            .Append("</select>\n<p><button type=\"submit\">Filter</button></p>\n</form>\n");

        var judgements = await desk.Store.Selection.GetJudgementsAsync(SelectionKey.ForWeek(week), stage, ct);
        var (first, last) = desk.Calendar.Span(week);
        var papers = (await desk.Store.Papers.GetPapersAnnouncedAsync(first, last, ct)).ToDictionary(p => p.Id.Canonical, StringComparer.Ordinal);
        var rows = judgements
            .Where(j => decision switch { "advanced" => j.Advanced, "stopped" => !j.Advanced, _ => true })
            .Select(j => (Judgement: j, Paper: papers.GetValueOrDefault(j.Paper.Canonical)))
            .Where(r => text.Length == 0 || Matches(r.Paper, r.Judgement.Paper, text))
            .OrderBy(r => r.Judgement.Rank)
            .ToList();
        html.Append(CultureInfo.InvariantCulture, $"<table>\n<caption>{HtmlPage.Encode(stage!)}: {rows.Count:N0} papers</caption>\n")
            .Append("<tr><th scope=\"col\">rank</th><th scope=\"col\">paper</th><th scope=\"col\">score</th><th scope=\"col\">decision</th><th scope=\"col\">your word</th></tr>\n");
        var decisions = (await desk.Store.Selection.GetDecisionsAsync(SelectionKey.ForWeek(week), ct)).ToDictionary(d => d.Paper.Canonical, d => d.Kind, StringComparer.Ordinal);
        foreach (var (judgement, paper) in rows.Take(MaxRows))
        {
            var title = paper?.Title ?? judgement.Paper.Canonical;
            var authors = paper is null ? "" : string.Join(", ", paper.Authors.Take(4)) + (paper.Authors.Count > 4 ? ", …" : "");
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{judgement.Rank}</td><td><a href=\"https://arxiv.org/abs/{HtmlPage.Encode(judgement.Paper.Canonical)}\">{HtmlPage.Encode(title)}</a><br><small>{HtmlPage.Encode(authors)} · {HtmlPage.Encode(judgement.Paper.Canonical)}</small></td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{(judgement.Score is { } score ? score.ToString("0.000", CultureInfo.InvariantCulture) : "unscored")}</td><td>{HtmlPage.Encode(judgement.Decision)}</td>")
                .Append("<td>").Append(DecisionForm(root, week, stage!, judgement.Paper, decisions.TryGetValue(judgement.Paper.Canonical, out var kind) ? kind : null, formToken)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        return new Page(StatusCodes.Status200OK, HtmlPage.Render(listName, $"Week {week}", "The funnel of the week: each stage's papers, with the decision in words.", html.ToString()));
    }

    /// <summary>Pin and drop buttons for a paper (the one in force shown as such); the next selection respects them.</summary>
    private static string DecisionForm(string root, IssueWeek week, string stage, ArxivId paper, DecisionKind? current, string formToken)
    {
        var id = HtmlPage.Encode(paper.Canonical);
        return $"<form method=\"post\" action=\"{HtmlPage.Encode(root)}decide\">"
            + $"<input type=\"hidden\" name=\"{DeskLimits.AntiforgeryField}\" value=\"{HtmlPage.Encode(formToken)}\">"
            + $"<input type=\"hidden\" name=\"week\" value=\"{HtmlPage.Encode(week.ToString())}\"><input type=\"hidden\" name=\"paper\" value=\"{id}\"><input type=\"hidden\" name=\"stage\" value=\"{HtmlPage.Encode(stage)}\">"
            + $"<button type=\"submit\" name=\"kind\" value=\"pin\" aria-label=\"Pin {id}\">{(current == DecisionKind.Pin ? "pinned" : "pin")}</button> "
            + $"<button type=\"submit\" name=\"kind\" value=\"drop\" aria-label=\"Drop {id}\">{(current == DecisionKind.Drop ? "dropped" : "drop")}</button></form>";
    }

    private static bool Matches(Paper? paper, ArxivId id, string text) =>
        id.Canonical.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (paper is not null && (paper.Title.Contains(text, StringComparison.OrdinalIgnoreCase) || paper.Authors.Any(a => a.Contains(text, StringComparison.OrdinalIgnoreCase))));

    private static string Link(string root, IssueWeek week, string stage, string decision, string text) =>
        $"{root}week?week={Uri.EscapeDataString(week.ToString())}&stage={Uri.EscapeDataString(stage)}&decision={Uri.EscapeDataString(decision)}&q={Uri.EscapeDataString(text)}";

    private static string Option(string value, string label, string selected) =>
        $"<option value=\"{HtmlPage.Encode(value)}\"{(value == selected ? " selected" : "")}>{HtmlPage.Encode(label)}</option>";
}
