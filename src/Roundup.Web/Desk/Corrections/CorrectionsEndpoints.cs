using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Roundup.Application;
using Roundup.Application.Corrections;
using Roundup.Application.Delivering;
using Roundup.Corrections;
using Roundup.Publishing;
using Roundup.Web.Desk.Components;
using Roundup.Web.Forms;
using Roundup.Web.Pages;
using Roundup.Web.Security;

namespace Roundup.Web.Desk.Corrections;

/// <summary>
/// Readers' corrections. In public, beside the archive: <c>GET corrections?week=…&amp;paper=…</c> shows the form (the
/// archive's entries carry the same one) and <c>POST corrections</c> keeps a suggestion for the curator, limited per
/// client like the sign-up form, with a trap field for bots and no address required. At the desk:
/// <c>desk/corrections</c>, the queue, where each suggestion is rejected or published as an erratum in the curator's
/// words (<see cref="ModerateCorrections"/>); an erratum's e-mail is sent by a background job.
/// </summary>
internal static class CorrectionsEndpoints
{
    /// <summary>Suggestions shown per list on the desk's page.</summary>
    public const int Shown = 100;

    // A suggestion's text may be longer than the server's usual form value (1 KB), percent-encoded as well; the
    // request body stays within Serve:MaxBodyBytes, which Kestrel enforces.
    private const int MaxValueBytes = 64 * 1024;

    private const string Category = "Roundup.Web.Corrections";

    public static void Map(IEndpointRouteBuilder routes, RouteGroupBuilder desk, string listName)
    {
        routes.MapGet("/" + SitePaths.Corrections, context => LinkPages.Write(
            context.Response,
            CorrectionPages.Form(listName, StatusCodes.Status200OK, context.Request.Query[SuggestionInput.WeekField].ToString(), context.Request.Query[SuggestionInput.PaperField].ToString()),
            context.RequestAborted));
        routes.MapPost("/" + SitePaths.Corrections, context => SuggestAsync(context, listName))
            .RequireRateLimiting(PostRateLimit.Policy)
            .WithFormOptions(valueLengthLimit: MaxValueBytes);

        desk.MapGet("/corrections", context => QueueAsync(context, listName, StatusCodes.Status200OK, null, null, null));
        desk.MapPost("/corrections/{id:long}/reject", context => RejectAsync(context, listName));
        desk.MapPost("/corrections/{id:long}/publish", context => PublishAsync(context, listName)).WithFormOptions(valueLengthLimit: MaxValueBytes);
    }

    private static async Task SuggestAsync(HttpContext context, string listName)
    {
        var ct = context.RequestAborted;
        var logger = Logger(context);
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0;
        var (form, status, problem) = await FormBody.ReadAsync(context.Request, SuggestionInput.Expected, (int)Math.Min(limit, int.MaxValue), ct);
        if (form is null)
        {
            logger.LogInformation("correction suggestion refused: {Problem}", problem);
            await LinkPages.Write(context.Response, CorrectionPages.Form(listName, status, "", "", problem: Sentence(problem!)), ct);
            return;
        }

        var input = SuggestionInput.Read(form);
        if (input.Trapped)
        {
            logger.LogInformation("correction suggestion ignored: the hidden trap field was filled in (a bot); nothing stored");
            await LinkPages.Write(context.Response, CorrectionPages.Thanks(listName, input.Week, input.Paper), ct);
            return;
        }

        if (input.Problem is not null)
        {
            await LinkPages.Write(context.Response, CorrectionPages.Form(listName, StatusCodes.Status400BadRequest, input.Week, input.Paper, input.Text, input.From, Sentence(input.Problem)), ct);
            return;
        }

        var desk = DeskView.Services(context);
        try
        {
            var kept = await new SuggestCorrection(desk.Host).SubmitAsync(input.Week, input.Paper, input.Text, input.From, ct);
            logger.LogInformation("correction suggestion {Id} for {Week} {Paper} kept for the curator", kept.Id, kept.Week, kept.Paper?.Canonical ?? "(the whole issue)");
        }
        catch (UsageException e)
        {
            logger.LogInformation("correction suggestion refused: {Problem}", e.Message);
            await LinkPages.Write(context.Response, CorrectionPages.Form(listName, StatusCodes.Status400BadRequest, input.Week, input.Paper, input.Text, input.From, Sentence(e.Message)), ct);
            return;
        }
        catch (SuggestionQueueFullException e)
        {
            logger.LogWarning("correction suggestion refused: {Max} suggestions are pending at the desk", SuggestCorrection.MaxPending);
            await LinkPages.Write(context.Response, LinkPages.Message(listName, "Please try later", Sentence(e.Message), StatusCodes.Status503ServiceUnavailable), ct);
            return;
        }

        await LinkPages.Write(context.Response, CorrectionPages.Thanks(listName, input.Week, input.Paper), ct);
    }

    private static async Task QueueAsync(HttpContext context, string listName, int status, string? problem, long? editedId, string? editedText)
    {
        var desk = DeskView.Services(context);
        var queue = await new ModerateCorrections(desk.Host).QueueAsync(Shown, context.RequestAborted);
        await DeskView.WriteAsync<CorrectionsPage>(context, new Dictionary<string, object?>
        {
            [nameof(CorrectionsPage.Desk)] = DeskView.Context(context, listName),
            [nameof(CorrectionsPage.Queue)] = queue,
            [nameof(CorrectionsPage.SiteRoot)] = $"{context.Request.PathBase}/",
            [nameof(CorrectionsPage.Problem)] = problem,
            [nameof(CorrectionsPage.EditedId)] = editedId,
            [nameof(CorrectionsPage.EditedText)] = editedText,
        }, status);
    }

    private static async Task RejectAsync(HttpContext context, string listName)
    {
        var desk = DeskView.Services(context);
        var id = Id(context);
        try
        {
            await new ModerateCorrections(desk.Host).RejectAsync(id, DeskView.Curator(context), context.RequestAborted);
        }
        catch (UsageException e)
        {
            await QueueAsync(context, listName, StatusCodes.Status400BadRequest, Sentence(e.Message) + " Nothing was changed.", null, null);
            return;
        }

        DeskView.SeeOther(context, DeskView.Root(context) + "corrections");
    }

    private static async Task PublishAsync(HttpContext context, string listName)
    {
        var desk = DeskView.Services(context);
        var ct = context.RequestAborted;
        var id = Id(context);
        var form = await context.Request.ReadFormAsync(ct);
        var text = form[SuggestionInput.TextField].ToString();
        var email = form["email"].ToString() is "on" or "true";
        var curator = DeskView.Curator(context);
        PublishedSuggestion published;
        try
        {
            published = await new ModerateCorrections(desk.Host).PublishAsync(id, text, email, curator, ct);
        }
        catch (UsageException e)
        {
            await QueueAsync(context, listName, StatusCodes.Status400BadRequest, Sentence(e.Message) + " Nothing was published.", id, text);
            return;
        }

        var root = DeskView.Root(context);
        if (published.Recorded.Mailing is { } mailing)
        {
            var recorded = published.Recorded;
            DeskView.StartJob(context, $"E-mail correction {published.Suggestion.Erratum} of {recorded.Issue.Week}", async (job, host, jobCt) =>
            {
                job.ResultUrl = root + "corrections";
                var outcome = await new CorrectIssue(host).SendAsync(recorded, jobCt);
                job.Report(Describe(outcome));
                if (!outcome.Finished)
                {
                    throw new InvalidOperationException($"{mailing.Key} is not finished; `roundup send --week {recorded.Issue.Week}` finishes it");
                }
            });
            return;
        }

        DeskView.SeeOther(context, root + "corrections");
    }

    private static string Describe(MailingOutcome outcome) => outcome switch
    {
        MailingOutcome.Delivered(var key, var report) => $"{key}: sent {report.Sent}, deferred {report.Deferred}, failed {report.Failed}, suppressed {report.Suppressed}",
        MailingOutcome.DeliveredEarlier(var key, var counts, _) => $"{key}: delivered earlier ({counts.Sent} sent, {counts.Failed} failed, {counts.Suppressed} suppressed)",
        MailingOutcome.Stopped(var key, var message) => $"{key}: stopped: {message}",
        _ => outcome.Key.ToString(),
    };

    private static long Id(HttpContext context) =>
        long.TryParse(context.Request.RouteValues["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

    private static ILogger Logger(HttpContext context) => context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);

    private static string Sentence(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : ".");
}
