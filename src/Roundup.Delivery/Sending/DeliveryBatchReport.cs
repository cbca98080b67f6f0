namespace Roundup.Delivery.Sending;

/// <summary>
/// What one batch of a mailing did (<see cref="DeliveryRun.RunBatchAsync"/>): rows claimed, of which taken over from a
/// sender whose lease ran out, and what became of them. Claimed rows not counted as sent, deferred or failed went back
/// to Pending (the run stopped before the relay answered for them).
/// </summary>
public sealed record DeliveryBatchReport(int Claimed, int Resumed, int Sent, int Deferred, int Failed)
{
    public static DeliveryBatchReport None { get; } = new(0, 0, 0, 0, 0);

    public DeliveryBatchReport Plus(DeliveryBatchReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Claimed + other.Claimed, Resumed + other.Resumed, Sent + other.Sent, Deferred + other.Deferred, Failed + other.Failed);
    }
}
