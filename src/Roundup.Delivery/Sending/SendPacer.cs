namespace Roundup.Delivery.Sending;

/// <summary>
/// Spaces messages evenly over all sending tasks: each takes the next free slot, 1/rate seconds after the one
/// before. No bursts (a relay's limit is usually per second or per minute, and even spacing meets either).
/// </summary>
public sealed class SendPacer(double perSecond, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(1 / perSecond);
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset slot;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            slot = _next > now ? _next : now;
            _next = slot + _interval;
        }

        if (slot > now)
        {
            await Task.Delay(slot - now, time, cancellationToken);
        }
    }
}
