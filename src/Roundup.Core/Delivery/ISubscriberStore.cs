namespace Roundup.Delivery;

/// <summary>Subscribers and the suppression list: who is on the list, who signed up, who left and may never be written to again.</summary>
public interface ISubscriberStore
{
    /// <summary>
    /// Adds new addresses with <paramref name="status"/> (Pending or Active). A known address gets its name updated
    /// and, when <paramref name="status"/> is Active, a pending one is activated; an address on the suppression list
    /// is never added or re-activated.
    /// </summary>
    Task<ImportResult> AddSubscribersAsync(IReadOnlyList<SubscriberImport> subscribers, SubscriberStatus status, CancellationToken cancellationToken = default);

    /// <summary>
    /// A sign-up by someone who may not own the address: a new address is added as Pending; a known subscriber is
    /// never changed (not even the name). A confirmation is due for a new address, and for a pending one whose last
    /// confirmation (or, before any was recorded, its creation) is at least <paramref name="resendAfter"/> old; the
    /// time is recorded in the same transaction, so sign-ups at the same moment get one message between them.
    /// </summary>
    Task<SignUpResult> SignUpAsync(SubscriberImport subscriber, TimeSpan resendAfter, CancellationToken cancellationToken = default);

    Task<Subscriber?> GetSubscriberAsync(long id, CancellationToken cancellationToken = default);

    Task<Subscriber?> FindSubscriberAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Subscribers by id after <paramref name="afterId"/>, at most <paramref name="limit"/>: pages for long lists.</summary>
    Task<IReadOnlyList<Subscriber>> ListSubscribersAsync(SubscriberStatus? status = null, long afterId = 0, int limit = int.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>Turns a pending subscriber active (the confirmation link was followed); any other status is left as it is.</summary>
    Task<Subscriber?> ConfirmAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Sets the subscriber's status from <paramref name="reason"/> and puts the address on the suppression list.</summary>
    Task<Subscriber?> SuppressAsync(long id, SuppressionReason reason, CancellationToken cancellationToken = default);

    /// <summary>Puts an address on the suppression list whether or not it is a subscriber (e.g. a complaint from the relay).</summary>
    Task SuppressAddressAsync(string email, SuppressionReason reason, CancellationToken cancellationToken = default);

    Task<Suppression?> GetSuppressionAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases an address: the subscriber's row (address, name, dates) and its outbox rows are deleted, and the
    /// address's hash is put on the suppression list (unless already there), so it is never written to or re-imported.
    /// Throws <see cref="DeliveryBusyException"/>, erasing nothing, while a sender holds one of its rows under a live
    /// lease (that sender has the address in memory and may be handing it to the relay).
    /// </summary>
    Task<ForgetResult> ForgetSubscriberAsync(string email, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Suppression>> ListSuppressionsAsync(CancellationToken cancellationToken = default);
}
