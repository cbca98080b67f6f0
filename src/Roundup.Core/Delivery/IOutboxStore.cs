namespace Roundup.Delivery;

/// <summary>
/// The outbox: one row per (mailing, subscriber) with its state, so a delivery that is interrupted resumes without
/// sending anyone a second copy. Every state change is committed before the call returns.
/// </summary>
public interface IOutboxStore
{
    /// <summary>
    /// Creates a pending outbox row, with its Message-ID (<c>random@<paramref name="messageIdDomain"/></c>), for every
    /// active subscriber (or only <paramref name="onlySubscriber"/>) that has no row for the mailing yet. Returns how
    /// many. For an erratum's mailing (<see cref="MailingKey.IsErratum"/>) only subscribers whose row for the issue is
    /// Sent qualify, and only at the mailing's first enqueue: its audience is fixed then.
    /// </summary>
    Task<int> EnqueueAsync(MailingKey mailing, string messageIdDomain, long? onlySubscriber = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Active subscribers who would get the mailing (by the same rule as <see cref="EnqueueAsync"/>) now (no row yet,
    /// or one not finished; with <paramref name="includeRetryable"/>, or a Failed one <see cref="RetryFailedAsync"/>
    /// would return): a dry run's list.
    /// </summary>
    Task<IReadOnlyList<Subscriber>> ListDueRecipientsAsync(MailingKey mailing, long afterId, int limit, bool includeRetryable = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the mailing's Failed rows (or only <paramref name="onlySubscriber"/>'s) whose subscriber is still active
    /// and not suppressed to Pending, attempts reset, Message-ID kept: the relay refused them, so nobody has a copy. A
    /// row whose address was refused stays Failed (its subscriber is bounced). Call only while holding the
    /// <see cref="ISenderLock"/>. Returns how many.
    /// </summary>
    Task<int> RetryFailedAsync(MailingKey mailing, long? onlySubscriber = null, CancellationToken cancellationToken = default);

    /// <summary>How many rows <see cref="RetryFailedAsync"/> would return to Pending now.</summary>
    Task<int> CountRetryableAsync(MailingKey mailing, long? onlySubscriber = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns rows left in Sending by a run that crashed or was killed to Pending; they are sent again with the same
    /// Message-ID. Call only while holding the <see cref="ISenderLock"/>.
    /// </summary>
    Task<int> ReleaseInterruptedAsync(MailingKey mailing, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks as Suppressed the mailing's unfinished rows whose subscriber is no longer active, then claims up to
    /// <paramref name="max"/> due rows (Pending, or Deferred whose next attempt has come; ordered by subscriber),
    /// marks them Sending, counts an attempt, and commits before returning them. <paramref name="onlySubscriber"/>
    /// limits the claim to that subscriber's row.
    /// </summary>
    Task<IReadOnlyList<OutboxItem>> ClaimAsync(MailingKey mailing, int max, long? onlySubscriber = null, CancellationToken cancellationToken = default);

    Task MarkSentAsync(MailingKey mailing, long subscriberId, string answer, CancellationToken cancellationToken = default);

    Task MarkDeferredAsync(MailingKey mailing, long subscriberId, DateTimeOffset nextAttempt, string answer, CancellationToken cancellationToken = default);

    /// <summary>Marks the row Failed and, with a reason, suppresses the subscriber in the same transaction.</summary>
    Task MarkFailedAsync(MailingKey mailing, long subscriberId, string answer, SuppressionReason? suppress, CancellationToken cancellationToken = default);

    /// <summary>Puts a claimed row back to Pending without an answer (the run stopped before the relay said anything about it).</summary>
    Task ReleaseAsync(MailingKey mailing, long subscriberId, CancellationToken cancellationToken = default);

    Task<OutboxRow?> GetOutboxRowAsync(MailingKey mailing, long subscriberId, CancellationToken cancellationToken = default);

    Task<DeliveryCounts> CountAsync(MailingKey mailing, CancellationToken cancellationToken = default);

    /// <summary>
    /// The mailing's rows in <paramref name="states"/> with their subscribers, by subscriber id, at most
    /// <paramref name="limit"/>: a delivery report's failed and deferred messages with the relay's last answers.
    /// </summary>
    Task<IReadOnlyList<OutboxItem>> ListOutboxRowsAsync(MailingKey mailing, IReadOnlyCollection<OutboxState> states, int limit, CancellationToken cancellationToken = default);

    /// <summary>The earliest next attempt among the mailing's deferred rows, if any.</summary>
    Task<DateTimeOffset?> NextDeferredAsync(MailingKey mailing, CancellationToken cancellationToken = default);
}
