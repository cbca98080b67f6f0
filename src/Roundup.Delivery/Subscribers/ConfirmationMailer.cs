using Microsoft.Extensions.Logging;
using MimeKit;
using Roundup.Delivery.Messages;
using Roundup.Delivery.Transport;

namespace Roundup.Delivery.Subscribers;

/// <summary>
/// Sends the double opt-in message to pending subscribers on one connection. A confirmation that does not go out is
/// reported, not retried: adding the address again sends a fresh one.
/// </summary>
public sealed class ConfirmationMailer(ISubscriberStore store, IMailTransportFactory transports, MessageBuilder builder, ILogger logger)
{
    /// <summary>Returns how many confirmation messages the relay accepted.</summary>
    public async Task<int> SendAsync(IReadOnlyList<long> subscriberIds, CancellationToken cancellationToken = default)
    {
        if (subscriberIds.Count == 0)
        {
            return 0;
        }

        var accepted = 0;
        await using var transport = await transports.ConnectAsync(cancellationToken);
        foreach (var id in subscriberIds)
        {
            if (await store.GetSubscriberAsync(id, cancellationToken) is not { Status: SubscriberStatus.Pending } subscriber)
            {
                continue;
            }

            using var message = builder.BuildConfirmation(subscriber);
            var result = await transport.SendAsync(message, builder.List.From, (MailboxAddress)message.To[0], cancellationToken);
            if (result.Outcome == SendOutcome.Accepted)
            {
                accepted++;
            }
            else
            {
                logger.LogWarning("subscriber {Id}: the confirmation message was refused ({Answer})", id, result.Answer);
            }
        }

        return accepted;
    }
}
