using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundup.Application;
using Roundup.Application.Delivering;
using Roundup.Application.Publishing;
using Roundup.Calendar;
using Roundup.Issues;
using Roundup.Web.Desk.Components;

namespace Roundup.Web.Desk.Send;

/// <summary>
/// The end of the week at the desk: an issue's state with Approve, Publish (a job) and Send (a confirmation page with
/// the recipients counted as <c>roundup send --dry-run</c> counts them, then a job that reports each mailing's outcome
/// and the outbox's running totals). The rules are the CLI's, in the same use cases: nothing is published or sent
/// before approval, and the outbox gives every subscriber one copy however often Send is pressed. The readers' pages
/// (<see cref="ReadersEndpoints"/>) are mapped here too.
/// </summary>
internal static class SendEndpoints
{
    public static void Map(RouteGroupBuilder desk, string listName)
    {
        desk.MapGet("/issue/send", context => IssueAsync(context, listName));
        desk.MapGet("/issue/send/confirm", context => ConfirmAsync(context, listName));
        desk.MapPost("/issue/approve", context => ApproveAsync(context, listName));
        desk.MapPost("/issue/publish", context => PublishAsync(context, listName));
        desk.MapPost("/issue/send", context => SendAsync(context, listName));
        ReadersEndpoints.Map(desk, listName);
    }

    private static async Task IssueAsync(HttpContext context, string listName)
    {
        var desk = DeskView.Services(context);
        var week = WeekOf(context.Request.Query["week"].ToString(), desk);
        if (week is null)
        {
            await DeskView.BadRequestAsync(context, listName, "Not understood", $"'{context.Request.Query["week"]}' is not an ISO week such as 2025-W26.");
            return;
        }

        var issue = await desk.Store.Issues.GetAsync(week.Value, context.RequestAborted);
        var reports = new DeliveryReports(desk.Host);
        var mailings = issue is null || issue.Status == IssueStatus.Draft
            ? []
            : await Task.WhenAll(DeliveryReports.Mailings(issue).Select(async k => new MailingSummary(k, issue.Title, await reports.CountAsync(k, context.RequestAborted))));
        await DeskView.WriteAsync<SendIssuePage>(context, new Dictionary<string, object?>
        {
            [nameof(SendIssuePage.Desk)] = DeskView.Context(context, listName),
            [nameof(SendIssuePage.Week)] = week.Value,
            [nameof(SendIssuePage.Issue)] = issue,
            [nameof(SendIssuePage.Mailings)] = mailings,
            [nameof(SendIssuePage.ArchiveUrl)] = ArchiveUrl(context, week.Value),
            [nameof(SendIssuePage.Transport)] = desk.Host.Options.Mail.Transport().Description,
        });
    }

    private static async Task ConfirmAsync(HttpContext context, string listName)
    {
        var desk = DeskView.Services(context);
        var week = WeekOf(context.Request.Query["week"].ToString(), desk);
        if (week is null)
        {
            await DeskView.BadRequestAsync(context, listName, "Not understood", $"'{context.Request.Query["week"]}' is not an ISO week such as 2025-W26.");
            return;
        }

        var retry = context.Request.Query["retry"].ToString() == "1";
        var send = new SendIssue(desk.Host);
        SendPlan plan;
        try
        {
            plan = await send.PlanAsync(week.Value, null, context.RequestAborted);
        }
        catch (UsageException e)
        {
            await DeskView.BadRequestAsync(context, listName, "Not ready to send", e.Message);
            return;
        }

        var previews = await send.PreviewAsync(plan, retry, context.RequestAborted);
        await DeskView.WriteAsync<SendConfirmPage>(context, new Dictionary<string, object?>
        {
            [nameof(SendConfirmPage.Desk)] = DeskView.Context(context, listName),
            [nameof(SendConfirmPage.Issue)] = plan.Issue,
            [nameof(SendConfirmPage.Previews)] = previews.Select(p => p.Preview).ToList(),
            [nameof(SendConfirmPage.Transport)] = plan.Mail.Transport.Description,
            [nameof(SendConfirmPage.Retry)] = retry,
        });
    }

    private static async Task ApproveAsync(HttpContext context, string listName)
    {
        var desk = DeskView.Services(context);
        if (await FormWeekAsync(context, listName, desk) is not { } week)
        {
            return;
        }

        try
        {
            await new ApproveIssue(desk.Host).RunAsync(week, context.RequestAborted);
        }
        catch (UsageException e)
        {
            await DeskView.BadRequestAsync(context, listName, "Not approved", e.Message);
            return;
        }

        DeskView.SeeOther(context, DeskView.Root(context) + $"issue/send?week={week}");
    }

    private static async Task PublishAsync(HttpContext context, string listName)
    {
        var desk = DeskView.Services(context);
        if (await FormWeekAsync(context, listName, desk) is not { } week)
        {
            return;
        }

        // Refused here as the CLI refuses it, rather than as a failed job.
        if (await RefuseDraftAsync(context, listName, desk, week, "Not published"))
        {
            return;
        }

        var archive = ArchiveUrl(context, week);
        DeskView.StartJob(context, $"Publish {week}", async (job, host, ct) =>
        {
            var (issue, files) = await new PublishIssue(host).RunAsync(week, ct);
            job.Report($"{issue.Week} published: {files.Count} files in {Path.GetFullPath(host.Options.Publish.ArchiveDir)}");
            job.ResultUrl = archive;
        });
    }

    private static async Task SendAsync(HttpContext context, string listName)
    {
        var desk = DeskView.Services(context);
        if (await FormWeekAsync(context, listName, desk) is not { } week)
        {
            return;
        }

        if (await RefuseDraftAsync(context, listName, desk, week, "Not sent"))
        {
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var retry = form["retry"].ToString() == "1";
        var report = DeskView.Root(context) + $"readers/mailing?key={week}";
        DeskView.StartJob(context, $"Send {week}", (job, host, ct) =>
        {
            job.ResultUrl = report;
            return SendJob.RunAsync(job, host, week, retry, ct);
        });
    }

    /// <summary>The form's week, or null after answering 400 naming what was wrong.</summary>
    private static async Task<IssueWeek?> FormWeekAsync(HttpContext context, string listName, DeskServices desk)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (WeekOf(form["week"].ToString(), desk) is { } week && form["week"].Count == 1)
        {
            return week;
        }

        await DeskView.BadRequestAsync(context, listName, "Not understood", $"'{form["week"]}' is not an ISO week such as 2025-W26: nothing was changed.");
        return null;
    }

    private static async Task<bool> RefuseDraftAsync(HttpContext context, string listName, DeskServices desk, IssueWeek week, string title)
    {
        var issue = await desk.Store.Issues.GetAsync(week, context.RequestAborted);
        var problem = issue is null
            ? $"there is no issue for {week} yet: write it first"
            : issue.Status == IssueStatus.Draft ? $"{week} is a Draft: approve it first" : null;
        if (problem is null)
        {
            return false;
        }

        await DeskView.BadRequestAsync(context, listName, title, problem + ". Nothing was changed.");
        return true;
    }

    /// <summary>An ISO week, or the calendar's latest week when the text is empty; null when the text is not a week.</summary>
    private static IssueWeek? WeekOf(string text, DeskServices desk) =>
        text.Length == 0 ? desk.Calendar.WeekOf(desk.Calendar.LatestListingDate(desk.Time.GetUtcNow()))
        : IssueWeek.TryParse(text, out var week) ? week : null;

    /// <summary>The issue's page in the web archive this server serves.</summary>
    public static string ArchiveUrl(HttpContext context, IssueWeek week) => $"{context.Request.PathBase}/issues/{week}.html";

}
