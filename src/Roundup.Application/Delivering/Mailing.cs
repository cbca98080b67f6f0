using Roundup.Delivery;
using Roundup.Delivery.Messages;
using Roundup.Delivery.Sending;
using Roundup.Delivery.Transport;

namespace Roundup.Application.Delivering;

/// <summary>One outbox mailing: an issue's or an erratum's, with its message rendered once.</summary>
public sealed record Mailing(MailingKey Key, IMessageContent Content)
{
    /// <summary>Sends the mailing through <paramref name="run"/>; a relay that stops the run is an outcome, not an exception.</summary>
    public async Task<MailingOutcome> DeliverAsync(DeliveryRun run, long? onlySubscriber, bool retryFailed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return new MailingOutcome.Delivered(Key, await run.RunAsync(Key, Content, onlySubscriber, retryFailed, ct));
        }
        catch (DeliveryException e)
        {
            return new MailingOutcome.Stopped(Key, e.Message);
        }
    }
}

/// <summary>What became of a mailing in a send.</summary>
public abstract record MailingOutcome(MailingKey Key)
{
    /// <summary>The run's report: finished, or what is left to send later or to retry.</summary>
    public sealed record Delivered(MailingKey Key, DeliveryReport Report) : MailingOutcome(Key);

    /// <summary>An erratum mailing finished by an earlier send; <see cref="Retryable"/> failed messages could be sent again.</summary>
    public sealed record DeliveredEarlier(MailingKey Key, DeliveryCounts Counts, int Retryable) : MailingOutcome(Key);

    /// <summary>The relay could not be used or refused us; the rows stay to send.</summary>
    public sealed record Stopped(MailingKey Key, string Message) : MailingOutcome(Key);

    /// <summary>Whether nothing is left to send or retry.</summary>
    public bool Finished => this switch
    {
        Delivered d => d.Report.Finished,
        DeliveredEarlier e => e.Retryable == 0,
        _ => false,
    };
}
