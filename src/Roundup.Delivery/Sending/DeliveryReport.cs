namespace Roundup.Delivery.Sending;

/// <summary>
/// What one run did for a mailing (<see cref="Sent"/>, <see cref="Deferred"/>, <see cref="Failed"/>,
/// <see cref="Suppressed"/>: messages this run), how many interrupted messages it resumed and how many failed ones it
/// was asked to retry, where the mailing's whole outbox stands afterwards (<see cref="Totals"/>), and what is left to do
/// in the run's scope (the mailing, or the one subscriber of <c>--only</c>): <see cref="Waiting"/> messages a later run
/// sends (pending or deferred, the earliest due at <see cref="NextAttempt"/>) and <see cref="Retryable"/> failed
/// messages whose subscriber is still active, sent only when a run is asked to retry them.
/// </summary>
public sealed record DeliveryReport(
    MailingKey Mailing,
    string Destination,
    int Enqueued,
    int Resumed,
    int Sent,
    int Deferred,
    int Failed,
    int Suppressed,
    DeliveryCounts Totals,
    TimeSpan Elapsed)
{
    public int Retried { get; init; }

    public int Waiting { get; init; }

    public DateTimeOffset? NextAttempt { get; init; }

    public int Retryable { get; init; }

    /// <summary>Nothing is left that another run could deliver: every message is sent, or refused for its address, or its subscriber left.</summary>
    public bool Finished => Waiting == 0 && Retryable == 0;
}
