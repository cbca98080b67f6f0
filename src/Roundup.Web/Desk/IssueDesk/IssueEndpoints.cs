using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundup.Application;
using Roundup.Application.Issues;
using Roundup.Application.Selecting;
using Roundup.Application.Weeks;
using Roundup.Application.Writing;
using Roundup.Calendar;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Publishing.Archive;
using Roundup.Publishing.Email;
using Roundup.Web.Desk.Components;
using Roundup.Web.Pages;
using Roundup.Web.Security;

namespace Roundup.Web.Desk.IssueDesk;

/// <summary>
/// The issue at the desk: the draft with its sections and entries (desk/issue), the background job that writes it,
/// the curator's arrangement and words (each stored as the issue's next version through the application layer), the
/// grounding check of words being typed (desk/issue/check, JSON), and the previews of the e-mail and the archive page
/// (desk/issue/preview), the only desk answers that may be framed, and only by the desk itself.
/// </summary>
internal static class IssueEndpoints
{
    /// <summary>The preview views, in the order the page offers them.</summary>
    public static readonly IReadOnlyList<(string View, string Label)> Views =
    [
        ("email-light", "E-mail, light"),
        ("email-dark", "E-mail, dark"),
        ("email-narrow", "E-mail, narrow (375 px)"),
        ("archive", "Archive page"),
    ];

    /// <summary>The issue page's policy: the desk's, plus its own previews in a frame.</summary>
    public const string PagePolicy = ContentSecurityPolicy.Archive + "; frame-src 'self'";

    /// <summary>A preview's policy: the e-mail's inline styles, no script at all, framed by the desk only.</summary>
    public const string PreviewPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

    public static void Map(RouteGroupBuilder desk, string listName)
    {
        desk.MapGet("/issue", context => PageAsync(context, listName));
        desk.MapPost("/issue/write", context => WriteAsync(context, listName));
        desk.MapPost("/issue/arrange", context => ArrangeAsync(context, listName));
        desk.MapPost("/issue/retitle", context => RetitleAsync(context, listName));
        desk.MapPost("/issue/entry", context => EditAsync(context, listName));
        desk.MapPost("/issue/check", CheckAsync);
        desk.MapGet("/issue/preview", context => PreviewAsync(context, listName));
    }

    private static async Task PageAsync(HttpContext context, string listName)
    {
        var desk = DeskView.Services(context);
        var text = context.Request.Query["week"].ToString();
        IssueWeek week;
        Issue? issue;
        if (text.Length > 0)
        {
            if (!IssueWeek.TryParse(text, out week))
            {
                await DeskView.BadRequestAsync(context, listName, "Not understood", $"'{text}' is not an ISO week such as 2025-W26: nothing to show.");
                return;
            }

            issue = await desk.Store.Issues.GetAsync(week, context.RequestAborted);
        }
        else
        {
            // The latest week with an issue; with none yet, the week of arXiv's latest listing.
            issue = await desk.Store.Issues.ListAsync(context.RequestAborted) is [var latest, ..] ? latest : null;
            week = issue?.Week ?? Window.ResolveWeek(null, desk.Calendar, desk.Time);
        }

        var view = context.Request.Query["view"].ToString();
        var checks = issue is null ? new Dictionary<string, EntryCheck>() : await new CheckEntryText(desk.Host).EditsOfAsync(issue, context.RequestAborted);
        context.Response.Headers.ContentSecurityPolicy = PagePolicy;
        await DeskView.WriteAsync<IssuePage>(context, new Dictionary<string, object?>
        {
            [nameof(IssuePage.Desk)] = DeskView.Context(context, listName),
            [nameof(IssuePage.Week)] = week,
            [nameof(IssuePage.Issue)] = issue,
            [nameof(IssuePage.Checks)] = checks,
            [nameof(IssuePage.View)] = Views.Any(v => v.View == view) ? view : Views[0].View,
        });
    }

    /// <summary>Runs the week's selection (stages rerun only when their inputs changed) and writes the issue, as <c>roundup write</c> does.</summary>
    private static async Task WriteAsync(HttpContext context, string listName)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!IssueWeek.TryParse(form["week"].ToString(), out var week))
        {
            await DeskView.BadRequestAsync(context, listName, "Not understood", "The form names no week such as 2025-W26: nothing was written.");
            return;
        }

        var force = form["force"].ToString() == "true";
        var result = $"{DeskView.Root(context)}issue?week={week}";
        var job = DeskView.StartJob(context, $"Write the {week} issue", async (job, host, ct) =>
        {
            job.ResultUrl = result;
            var window = Window.Resolve(week.ToString(), null, null, host.Calendar, host.Time);
            var selection = await new SelectWeek(host).RunAsync(window, ct);
            job.Report($"{selection.Result.Picks.Count} picks for {week}; writing");
            var issue = await new WriteIssue(host).RunAsync(window, selection.Result, force, ct);
            job.Report($"issue {week} version {issue.Version} saved as a Draft");
        });
        job.ResultUrl = result;
    }

    private static async Task ArrangeAsync(HttpContext context, string listName)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!IssueWeek.TryParse(form["week"].ToString(), out var week))
        {
            await DeskView.BadRequestAsync(context, listName, "Not understood", "The form names no week such as 2025-W26: nothing was changed.");
            return;
        }

        var arrange = new ArrangeIssue(DeskView.Services(context).Host);
        var action = form["action"].ToString();
        var hasPaper = ArxivId.TryParse(form["paper"].ToString(), out var paper, out _);
        var hasSection = int.TryParse(form["section"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var section);
        var anchor = hasPaper ? "#p-" + paper.Canonical.Replace('/', '-').Replace('.', '-') : hasSection ? $"#section-{section}" : "";
        Func<Task>? change = (action, hasPaper, hasSection) switch
        {
            ("entry-up", true, _) => () => arrange.MoveEntryAsync(week, paper, -1, context.RequestAborted),
            ("entry-down", true, _) => () => arrange.MoveEntryAsync(week, paper, 1, context.RequestAborted),
            ("section-up", _, true) => () => arrange.MoveSectionAsync(week, section, -1, context.RequestAborted),
            ("section-down", _, true) => () => arrange.MoveSectionAsync(week, section, 1, context.RequestAborted),
            ("move", true, true) => () => arrange.MoveToSectionAsync(week, paper, section, context.RequestAborted),
            _ => null,
        };
        if (change is null)
        {
            await DeskView.BadRequestAsync(context, listName, "Not understood", "The form asks for no arrangement the desk knows (a paper or a section up or down, or a paper to another section): nothing was changed.");
            return;
        }

        if (await TryAsync(context, listName, change))
        {
            DeskView.SeeOther(context, $"{DeskView.Root(context)}issue?week={week}{anchor}");
        }
    }

    private static async Task RetitleAsync(HttpContext context, string listName)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!IssueWeek.TryParse(form["week"].ToString(), out var week) || !form.ContainsKey("title") || !form.ContainsKey("intro"))
        {
            await DeskView.BadRequestAsync(context, listName, "Not understood", "The form names no week, title or intro: nothing was changed.");
            return;
        }

        if (await TryAsync(context, listName, () => new ArrangeIssue(DeskView.Services(context).Host).RetitleAsync(week, form["title"].ToString(), form["intro"].ToString(), context.RequestAborted)))
        {
            DeskView.SeeOther(context, $"{DeskView.Root(context)}issue?week={week}#issue-words");
        }
    }

    /// <summary>Saves an entry's words as the curator's (the parts left as the writer wrote them stay the writer's); the page then shows their check.</summary>
    private static async Task EditAsync(HttpContext context, string listName)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!IssueWeek.TryParse(form["week"].ToString(), out var week) || !ArxivId.TryParse(form["paper"].ToString(), out var paper, out _))
        {
            await DeskView.BadRequestAsync(context, listName, "Not understood", "The form names no week or paper the desk knows: nothing was changed.");
            return;
        }

        var shown = new EntryText(form["tldr"].ToString(), Paragraphs.Split(form["summary"].ToString()), form["commentary"].ToString());
        if (await TryAsync(context, listName, () => new EditEntry(DeskView.Services(context).Host).RunShownAsync(week, paper, shown, context.RequestAborted)))
        {
            DeskView.SeeOther(context, $"{DeskView.Root(context)}issue?week={week}#p-{paper.Canonical.Replace('/', '-').Replace('.', '-')}");
        }
    }

    /// <summary>The grounding check of words being typed: JSON in, the unsupported numbers and names with their places out.</summary>
    private static async Task CheckAsync(HttpContext context)
    {
        CheckRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync<CheckRequest>(context.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            request = null;
        }
        catch (InvalidOperationException)
        {
            request = null;
        }

        context.Response.Headers.CacheControl = "no-store";
        if (request is null || !IssueWeek.TryParse(request.Week ?? "", out var week) || !ArxivId.TryParse(request.Paper ?? "", out var paper, out _))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new CheckProblem("the request names no week or paper the desk knows"), context.RequestAborted);
            return;
        }

        try
        {
            var check = await new CheckEntryText(DeskView.Services(context).Host).RunAsync(week, paper, request.Tldr ?? "", request.Summary ?? "", request.Commentary ?? "", context.RequestAborted);
            await context.Response.WriteAsJsonAsync(check, context.RequestAborted);
        }
        catch (UsageException e)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new CheckProblem(e.Message), context.RequestAborted);
        }
    }

    /// <summary>The e-mail as a subscriber gets it (light, dark or narrow) or the archive page, by the publishing renderers.</summary>
    private static async Task PreviewAsync(HttpContext context, string listName)
    {
        var desk = DeskView.Services(context);
        var view = context.Request.Query["view"].ToString();
        if (!IssueWeek.TryParse(context.Request.Query["week"].ToString(), out var week) || !Views.Any(v => v.View == view))
        {
            await DeskView.BadRequestAsync(context, listName, "Not understood", "A preview needs a week such as 2025-W26 and a view: email-light, email-dark, email-narrow or archive.");
            return;
        }

        var issue = await desk.Store.Issues.GetAsync(week, context.RequestAborted);
        if (issue is null)
        {
            await WriteAsync(context, LinkPages.Message(listName, "No issue", $"There is no issue for {week} yet: nothing to preview.", StatusCodes.Status404NotFound));
            return;
        }

        var site = desk.Host.Options.Publish.Site();
        var html = view == "archive"
            ? SiteBuilder.IssuePage(issue, site).Replace("<link rel=\"stylesheet\" href=\"../site.css\">", $"<style>\n{SiteBuilder.Stylesheet}\n</style>", StringComparison.Ordinal)
            : IssueEmail.Render(issue, site, new EmailPersonalisation(null, site.Url("unsubscribe?preview"))).Html;
        if (view == "email-dark")
        {
            // What a mail client in dark mode shows: the e-mail's own dark rules, applied whatever the desk's scheme.
            html = html
                .Replace("@media (prefers-color-scheme: dark)", "@media all", StringComparison.Ordinal)
                .Replace("<meta name=\"color-scheme\" content=\"light dark\">", "<meta name=\"color-scheme\" content=\"dark\">", StringComparison.Ordinal);
        }

        context.Response.Headers.ContentSecurityPolicy = PreviewPolicy;
        context.Response.Headers.XFrameOptions = "SAMEORIGIN";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, Encoding.UTF8, context.RequestAborted);
    }

    /// <summary>Runs a change; a refusal of the application layer (an unknown paper, a move past the end) is a 400 page naming it.</summary>
    private static async Task<bool> TryAsync(HttpContext context, string listName, Func<Task> change)
    {
        try
        {
            await change();
            return true;
        }
        catch (UsageException e)
        {
            await DeskView.BadRequestAsync(context, listName, "Not understood", $"{char.ToUpperInvariant(e.Message[0])}{e.Message[1..]}: nothing was changed.");
            return false;
        }
    }

    private static Task WriteAsync(HttpContext context, Page page) => LinkPages.Write(context.Response, page, context.RequestAborted);

    private sealed record CheckRequest(string? Week, string? Paper, string? Tldr, string? Summary, string? Commentary);

    private sealed record CheckProblem(string Error);
}
