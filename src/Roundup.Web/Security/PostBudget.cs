using Microsoft.AspNetCore.Http;
using Roundup.Delivery.Tokens;
using Roundup.Web.Forwarding;
using Roundup.Web.Links;

namespace Roundup.Web.Security;

/// <summary>
/// Whose budget a POST draws on. A link whose token is genuine (signed with our key, for the page's purpose, not
/// expired) draws on its subscriber's own budget for that page; everything else (forged, expired or missing tokens,
/// and sign-ups) on its client's address. A flood of forged links, even through one proxy address, so runs out only
/// the flooders' budget, never a reader's one-click unsubscribe, and a mailbox provider posting one-clicks for many
/// readers from one address is not stopped. A replayed genuine link is still bounded, by its own budget. Checking a
/// token is one HMAC; the endpoint checks it again before acting.
/// </summary>
internal static class PostBudget
{
    public static string Of(HttpContext context, TokenSigner signer)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<LinkKind>() is { } kind
            && LinkInput.Token(context.Request).Token is { } token
            && signer.Check(token, kind.Purpose).Token is { } genuine)
        {
            return $"{kind.Page} of subscriber {genuine.SubscriberId}";
        }

        return "client " + ClientAddress.Key(context.Connection.RemoteIpAddress);
    }
}
