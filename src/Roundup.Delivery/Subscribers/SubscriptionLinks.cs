using Roundup.Delivery.Tokens;

namespace Roundup.Delivery.Subscribers;

/// <summary>
/// Acts on the signed links: a confirmation link turns a pending subscriber active; an unsubscribe link (or the
/// RFC 8058 one-click POST of one) unsubscribes and suppresses the address. Forged, damaged, expired or
/// wrong-purpose tokens change nothing.
/// </summary>
public sealed class SubscriptionLinks(ISubscriberStore store, TokenSigner signer)
{
    public async Task<LinkOutcome> ConfirmAsync(string token, CancellationToken cancellationToken = default)
    {
        var check = signer.Check(token, TokenPurpose.Confirm);
        if (check.Token is not { } valid)
        {
            return new LinkOutcome(false, null, $"not confirmed: {check.Problem}");
        }

        var subscriber = await store.ConfirmAsync(valid.SubscriberId, cancellationToken);
        if (subscriber is null)
        {
            return new LinkOutcome(false, valid.SubscriberId, "not confirmed: the subscriber no longer exists");
        }

        return subscriber.Status == SubscriberStatus.Active
            ? new LinkOutcome(true, subscriber.Id, "the subscription is confirmed")
            : new LinkOutcome(false, subscriber.Id, $"not confirmed: the address is {subscriber.Status.ToString().ToLowerInvariant()} and on the suppression list");
    }

    public async Task<LinkOutcome> UnsubscribeAsync(string token, CancellationToken cancellationToken = default)
    {
        var check = signer.Check(token, TokenPurpose.Unsubscribe);
        if (check.Token is not { } valid)
        {
            return new LinkOutcome(false, null, $"not unsubscribed: {check.Problem}");
        }

        var subscriber = await store.SuppressAsync(valid.SubscriberId, SuppressionReason.Unsubscribed, cancellationToken);
        return subscriber is null
            ? new LinkOutcome(false, valid.SubscriberId, "not unsubscribed: the subscriber no longer exists")
            : new LinkOutcome(true, subscriber.Id, "unsubscribed: no further issue will be sent to this address");
    }
}
