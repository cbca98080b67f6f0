using Microsoft.AspNetCore.Http;
using Roundup.Delivery.Subscribers;
using Roundup.Delivery.Tokens;

namespace Roundup.Web.Links;

/// <summary>
/// One of the two signed links: the page it lives at, the purpose its token must carry, the words of its pages, the
/// form field its own button posts, and what following it does.
/// </summary>
internal sealed record LinkKind(
    string Page,
    TokenPurpose Purpose,
    string Question,
    string Explanation,
    string Button,
    string DoneTitle,
    Func<SubscriptionLinks, string, CancellationToken, Task<LinkOutcome>> Act)
{
    /// <summary>The field our own confirmation button posts: <c>action=unsubscribe</c> or <c>action=confirm</c>.</summary>
    public const string ActionField = "action";

    public static readonly LinkKind Unsubscribe = new(
        "unsubscribe",
        TokenPurpose.Unsubscribe,
        "Unsubscribe?",
        "Press the button to stop receiving {0} at this address. Nothing changes until you do.",
        "Unsubscribe",
        "Unsubscribed",
        (links, token, ct) => links.UnsubscribeAsync(token, ct));

    public static readonly LinkKind Confirm = new(
        "confirm",
        TokenPurpose.Confirm,
        "Confirm your subscription?",
        "Press the button to start receiving {0} at this address. If you did not ask for it, close this page: nothing will be sent.",
        "Confirm the subscription",
        "Subscription confirmed",
        (links, token, ct) => links.ConfirmAsync(token, ct));

    /// <summary>
    /// Whether a posted form asks for this link's action: our own button's field, or for an unsubscribe the RFC 8058
    /// one-click body <c>List-Unsubscribe=One-Click</c> that mailbox providers send.
    /// </summary>
    public bool IsAskedBy(IFormCollection form) =>
        form.TryGetValue(ActionField, out var action) && action.Count == 1 && action[0] == Page
        || Purpose == TokenPurpose.Unsubscribe && form.TryGetValue("List-Unsubscribe", out var oneClick) && oneClick.Count == 1 && oneClick[0] == "One-Click";

    public string Expected => Purpose == TokenPurpose.Unsubscribe
        ? $"List-Unsubscribe=One-Click (RFC 8058) or {ActionField}={Page}"
        : $"{ActionField}={Page}";
}
