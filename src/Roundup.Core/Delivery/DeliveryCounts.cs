namespace Roundup.Delivery;

/// <summary>How many of a mailing's outbox rows are in each state.</summary>
public sealed record DeliveryCounts(int Pending, int Sending, int Sent, int Deferred, int Failed, int Suppressed)
{
    public static DeliveryCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    public int Total => Pending + Sending + Sent + Deferred + Failed + Suppressed;
}
