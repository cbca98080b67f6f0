namespace Roundup.Delivery;

/// <summary>
/// Subscribers, the suppression list and the outbox: one row per (issue week, subscriber) with its state, so a
/// delivery that is interrupted resumes without sending anyone a second copy.
/// </summary>
public interface IDeliveryStore
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
    /// </summary>
    Task<ForgetResult> ForgetSubscriberAsync(string email, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Suppression>> ListSuppressionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a pending outbox row, with its Message-ID (<c>random@<paramref name="messageIdDomain"/></c>), for every
    /// active subscriber (or only <paramref name="onlySubscriber"/>) that has no row for the week yet. Returns how many.
    /// For an erratum's mailing (<see cref="MailingKey.Erratum"/>) only subscribers whose row for the issue is Sent
    /// qualify, and only at the mailing's first enqueue: its audience is fixed then.
    /// </summary>
    Task<int> EnqueueAsync(string week, string messageIdDomain, long? onlySubscriber = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Active subscribers who would get the week's issue (or erratum, by the same rule as <see cref="EnqueueAsync"/>)
    /// now (no row yet, or one not finished; with <paramref name="includeRetryable"/>, or a Failed one
    /// <see cref="RetryFailedAsync"/> would return): a dry run's list.
    /// </summary>
    Task<IReadOnlyList<Subscriber>> ListDueRecipientsAsync(string week, long afterId, int limit, bool includeRetryable = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the week's Failed rows (or only <paramref name="onlySubscriber"/>'s) whose subscriber is still active and
    /// not suppressed to Pending, attempts reset, Message-ID kept: the relay refused them, so nobody has a copy. A row
    /// whose address was refused stays Failed (its subscriber is bounced). Call only while holding
    /// <see cref="LockSenderAsync"/>. Returns how many.
    /// </summary>
    Task<int> RetryFailedAsync(string week, long? onlySubscriber = null, CancellationToken cancellationToken = default);

    /// <summary>How many rows <see cref="RetryFailedAsync"/> would return to Pending now.</summary>
    Task<int> CountRetryableAsync(string week, long? onlySubscriber = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns rows left in Sending by a run that crashed or was killed to Pending; they are sent again with the same
    /// Message-ID. Call only while holding <see cref="LockSenderAsync"/>.
    /// </summary>
    Task<int> ReleaseInterruptedAsync(string week, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks as Suppressed the week's unfinished rows whose subscriber is no longer active, then claims up to
    /// <paramref name="max"/> due rows (Pending, or Deferred whose next attempt has come; ordered by subscriber),
    /// marks them Sending, counts an attempt, and commits before returning them. <paramref name="onlySubscriber"/>
    /// limits the claim to that subscriber's row.
    /// </summary>
    Task<IReadOnlyList<OutboxItem>> ClaimAsync(string week, int max, long? onlySubscriber = null, CancellationToken cancellationToken = default);

    Task MarkSentAsync(string week, long subscriberId, string answer, CancellationToken cancellationToken = default);

    Task MarkDeferredAsync(string week, long subscriberId, DateTimeOffset nextAttempt, string answer, CancellationToken cancellationToken = default);

    /// <summary>Marks the row Failed and, with a reason, suppresses the subscriber in the same transaction.</summary>
    Task MarkFailedAsync(string week, long subscriberId, string answer, SuppressionReason? suppress, CancellationToken cancellationToken = default);

    /// <summary>Puts a claimed row back to Pending without an answer (the run stopped before the relay said anything about it).</summary>
    Task ReleaseAsync(string week, long subscriberId, CancellationToken cancellationToken = default);

    Task<OutboxRow?> GetOutboxRowAsync(string week, long subscriberId, CancellationToken cancellationToken = default);

    Task<DeliveryCounts> CountAsync(string week, CancellationToken cancellationToken = default);

    /// <summary>The earliest next attempt among the week's deferred rows, if any.</summary>
    Task<DateTimeOffset?> NextDeferredAsync(string week, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the store's sender lock, which one delivery run holds at a time (it is what makes releasing interrupted
    /// rows safe). Throws <see cref="DeliveryBusyException"/> when another run holds it. The lock goes with the process.
    /// </summary>
    Task<IAsyncDisposable> LockSenderAsync(CancellationToken cancellationToken = default);
}
