namespace Roundup.Delivery;

/// <summary>The store's sender lock, which one delivery run holds at a time (it is what makes releasing interrupted rows safe).</summary>
public interface ISenderLock
{
    /// <summary>
    /// Takes the lock until the returned handle is disposed. Throws <see cref="DeliveryBusyException"/> when another
    /// run holds it, in this process or another. The lock goes with the process.
    /// </summary>
    Task<IAsyncDisposable> LockSenderAsync(CancellationToken cancellationToken = default);
}
