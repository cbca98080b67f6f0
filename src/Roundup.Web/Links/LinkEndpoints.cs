using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Roundup.Delivery.Subscribers;
using Roundup.Delivery.Tokens;
using Roundup.Web.Pages;
using Roundup.Web.Security;

namespace Roundup.Web.Links;

/// <summary>
/// <c>GET /unsubscribe?t=</c> and <c>GET /confirm?t=</c> show a page with one button and change nothing (mail
/// scanners and link previews fetch every URL in a message); <c>POST</c> to the same URL acts. The one-click POST of
/// RFC 8058 needs no page, cookie or second step. A token is checked before anything else is read, and the pages name
/// subscribers to the log by id only.
/// </summary>
internal sealed class LinkEndpoints(SubscriptionLinks links, TokenSigner signer, string listName, int maxBodyBytes, ILogger logger)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        foreach (var kind in new[] { LinkKind.Unsubscribe, LinkKind.Confirm })
        {
            routes.MapGet("/" + kind.Page, context => ShowAsync(context, kind));
            // The rate limiter reads the kind to tell a genuine link's budget from its client's (PostBudget).
            routes.MapPost("/" + kind.Page, context => ActAsync(context, kind)).WithMetadata(kind).RequireRateLimiting(PostRateLimit.Policy);
        }
    }

    private async Task ShowAsync(HttpContext context, LinkKind kind)
    {
        var (token, problem) = LinkInput.Token(context.Request);
        problem ??= signer.Check(token, kind.Purpose).Problem;
        if (problem is not null)
        {
            logger.LogInformation("{Page} page refused: {Problem}", kind.Page, problem);
            await Refuse(context, StatusCodes.Status400BadRequest, problem);
            return;
        }

        var action = $"{kind.Page}?t={Uri.EscapeDataString(token!)}";
        var text = string.Format(CultureInfo.InvariantCulture, kind.Explanation, listName);
        await LinkPages.Write(context.Response, LinkPages.Question(listName, kind.Question, text, action, LinkKind.ActionField, kind.Page, kind.Button), context.RequestAborted);
    }

    private async Task ActAsync(HttpContext context, LinkKind kind)
    {
        var (token, problem) = LinkInput.Token(context.Request);
        if (problem is not null)
        {
            logger.LogInformation("{Page} refused: {Problem}", kind.Page, problem);
            await Refuse(context, StatusCodes.Status400BadRequest, problem);
            return;
        }

        if (await LinkInput.CheckFormAsync(context.Request, kind, maxBodyBytes, context.RequestAborted) is { } bad)
        {
            logger.LogInformation("{Page} refused: {Problem}", kind.Page, bad.Problem);
            await Refuse(context, bad.Status, bad.Problem);
            return;
        }

        var outcome = await kind.Act(links, token!, context.RequestAborted);
        if (outcome.SubscriberId is { } id)
        {
            logger.LogInformation("{Page}: subscriber {SubscriberId}: {Outcome}", kind.Page, id, outcome.Message);
        }
        else
        {
            logger.LogInformation("{Page} refused: {Outcome}", kind.Page, outcome.Message);
        }

        // A genuine link that cannot act (the subscriber is gone, or a confirmation for a suppressed address) is a
        // conflict with the list's state, not a bad request.
        var status = outcome.Done ? StatusCodes.Status200OK
            : outcome.SubscriberId is null ? StatusCodes.Status400BadRequest
            : StatusCodes.Status409Conflict;
        var title = outcome.Done ? kind.DoneTitle : "This link did not work";
        await LinkPages.Write(context.Response, LinkPages.Message(listName, title, Sentence(outcome.Message), status), context.RequestAborted);
    }

    private Task Refuse(HttpContext context, int status, string problem) =>
        LinkPages.Write(context.Response, LinkPages.Message(listName, "This link did not work", Sentence(problem), status), context.RequestAborted);

    private static string Sentence(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : ".");
}
