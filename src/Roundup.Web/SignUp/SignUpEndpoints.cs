using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Roundup.Delivery;
using Roundup.Web.Forms;
using Roundup.Web.Pages;
using Roundup.Web.Security;

namespace Roundup.Web.SignUp;

/// <summary>
/// <c>GET /subscribe</c> shows the form; <c>POST /subscribe</c> adds the address as pending and queues its
/// confirmation (double opt-in: the confirm link is what makes it active). Whoever posts may not own the address, so
/// the answer is the same for every valid address, a known one is never changed, a suppressed or active one gets no
/// message, and a pending one at most one per resend interval. Logs name subscribers by id, never by address.
/// </summary>
internal sealed class SignUpEndpoints(ISubscriberStore store, ConfirmationQueue queue, string listName, int maxBodyBytes, TimeSpan resendAfter, ILogger logger)
{
    public const string Page = "subscribe";

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/" + Page, context => LinkPages.Write(context.Response, SignUpPages.Form(listName, StatusCodes.Status200OK), context.RequestAborted));
        routes.MapPost("/" + Page, SignUpAsync).RequireRateLimiting(PostRateLimit.Policy);
    }

    private async Task SignUpAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var (form, status, problem) = await FormBody.ReadAsync(context.Request, SignUpInput.Expected, maxBodyBytes, cancellationToken);
        if (form is null)
        {
            logger.LogInformation("sign-up refused: {Problem}", problem);
            await LinkPages.Write(context.Response, SignUpPages.Form(listName, status, problem: Sentence(problem!)), cancellationToken);
            return;
        }

        var input = SignUpInput.Read(form);
        if (input.Trapped)
        {
            logger.LogInformation("sign-up ignored: the hidden trap field was filled in (a bot); nothing stored");
            await LinkPages.Write(context.Response, SignUpPages.CheckInbox(listName, input.Email), cancellationToken);
            return;
        }

        if (input.Problem is not null)
        {
            logger.LogInformation("sign-up refused: the {Field} field was not accepted", input.Field);
            await LinkPages.Write(context.Response, SignUpPages.Form(listName, StatusCodes.Status400BadRequest, input.Email, input.Name, Sentence(input.Problem)), cancellationToken);
            return;
        }

        var result = await store.SignUpAsync(new SubscriberImport(input.Email, input.Name.Length == 0 ? null : input.Name), resendAfter, cancellationToken);
        if (result.SubscriberId is { } id)
        {
            logger.LogInformation("sign-up: subscriber {SubscriberId}: {Outcome}", id, Describe(result.Outcome));
            if (result.SendConfirmation && !queue.TryEnqueue(id))
            {
                logger.LogWarning("sign-up: subscriber {SubscriberId}: the confirmation queue is full; no message sent (the address can sign up again later)", id);
            }
        }
        else
        {
            logger.LogInformation("sign-up: an address on the suppression list; nothing stored or sent");
        }

        await LinkPages.Write(context.Response, SignUpPages.CheckInbox(listName, input.Email), cancellationToken);
    }

    private static string Describe(SignUpOutcome outcome) => outcome switch
    {
        SignUpOutcome.Added => "added as pending; confirmation queued",
        SignUpOutcome.Resend => "still pending; confirmation queued again",
        SignUpOutcome.TooSoon => "still pending; a confirmation went out less than the resend interval ago, none sent",
        SignUpOutcome.AlreadyActive => "already active; nothing sent",
        _ => "suppressed; nothing changed or sent",
    };

    private static string Sentence(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : ".");
}
