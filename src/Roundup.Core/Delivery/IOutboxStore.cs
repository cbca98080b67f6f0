namespace Roundup.Delivery;

/// <summary>
/// The outbox: one row per (mailing, subscriber) with its state, so a delivery that is interrupted resumes without
/// sending anyone a second copy. Every state change is committed before the call returns. Any number of senders, in
/// any number of processes, may share a mailing: each claims rows under its <see cref="OutboxLease"/>, and no row is
/// claimed by two senders while the lease of the one holding it lasts.
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
    /// row whose address was refused stays Failed (its subscriber is bounced). Returns how many.
    /// </summary>
    Task<int> RetryFailedAsync(MailingKey mailing, long? onlySubscriber = null, CancellationToken cancellationToken = default);

    /// <summary>How many rows <see cref="RetryFailedAsync"/> would return to Pending now.</summary>
    Task<int> CountRetryableAsync(MailingKey mailing, long? onlySubscriber = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks as Suppressed the mailing's unfinished rows whose subscriber is no longer active, then claims up to
    /// <paramref name="max"/> due rows (Pending; Deferred whose next attempt has come; Sending whose lease has run out,
    /// returned with <see cref="OutboxItem.Resumed"/>; ordered by subscriber) for <paramref name="lease"/>'s sender,
    /// marks them Sending until the lease ends, counts an attempt, and commits before returning them. Rows another
    /// sender is claiming at the same moment are skipped, not waited for. <paramref name="onlySubscriber"/> limits the
    /// claim to that subscriber's row.
    /// </summary>
    Task<IReadOnlyList<OutboxItem>> ClaimAsync(MailingKey mailing, int max, OutboxLease lease, long? onlySubscriber = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the lease on every row of the mailing that <paramref name="lease"/>'s sender holds in Sending to end
    /// <see cref="OutboxLease.Duration"/> from now (zero lets go of them: a stopping sender's rows are taken over at
    /// once); returns how many.
    /// </summary>
    Task<int> RenewLeaseAsync(MailingKey mailing, OutboxLease lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// The earliest end of a lease among the mailing's rows in Sending held by senders other than
    /// <paramref name="otherThan"/>, if any: when another sender's rows could next be taken over.
    /// </summary>
    Task<DateTimeOffset?> NextLeaseEndAsync(MailingKey mailing, string otherThan, CancellationToken cancellationToken = default);

    Task MarkSentAsync(MailingKey mailing, long subscriberId, string answer, CancellationToken cancellationToken = default);

    Task MarkDeferredAsync(MailingKey mailing, long subscriberId, DateTimeOffset nextAttempt, string answer, CancellationToken cancellationToken = default);

    /// <summary>Marks the row Failed and, with a reason, suppresses the subscriber in the same transaction.</summary>
    Task MarkFailedAsync(MailingKey mailing, long subscriberId, string answer, SuppressionReason? suppress, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts a row <paramref name="sender"/> holds back to Pending without an answer (the run stopped before the relay
    /// said anything about it). A row since taken over by another sender is left alone.
    /// </summary>
    Task ReleaseAsync(MailingKey mailing, long subscriberId, string sender, CancellationToken cancellationToken = default);

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
