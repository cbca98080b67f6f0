namespace Roundup.Storage.Tests.Contract;

/// <summary>
/// What the contract suites share. A provider runs a suite by a small subclass that says how to open its store on an
/// empty database of the test's own; every call opens another handle on that same database (as another process
/// would), so a suite can also check what survives a reopening and what two handles see of each other.
/// </summary>
public abstract class StoreContract
{
    /// <summary>Opens the test's database with <paramref name="time"/> as the store's clock.</summary>
    protected abstract Task<IRoundupStore> OpenAsync(TimeProvider time);

    /// <summary>The sender a suite claims outbox rows as, unless it is about several senders.</summary>
    protected static readonly Roundup.Delivery.OutboxLease TestLease = new("test-sender", TimeSpan.FromMinutes(1));

    /// <summary>Opens the test's database on the system clock.</summary>
    protected Task<IRoundupStore> OpenAsync() => OpenAsync(TimeProvider.System);
}
