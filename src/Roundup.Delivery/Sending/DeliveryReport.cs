namespace Roundup.Delivery.Sending;

/// <summary>
/// What one run did for an issue (<see cref="Sent"/>, <see cref="Deferred"/>, <see cref="Failed"/>,
/// <see cref="Suppressed"/>: messages this run), how many interrupted messages it resumed, and where the issue's
/// whole outbox stands afterwards (<see cref="Totals"/>).
/// </summary>
public sealed record DeliveryReport(
    string Week,
    string Destination,
    int Enqueued,
    int Resumed,
    int Sent,
    int Deferred,
    int Failed,
    int Suppressed,
    DeliveryCounts Totals,
    TimeSpan Elapsed);
