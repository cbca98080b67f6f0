using Npgsql;
using Roundup.Delivery;
using static Roundup.Storage.Postgres.PostgresDeliveryRows;
using static Roundup.Storage.DeliverySpelling;

namespace Roundup.Storage.Postgres;

/// <summary>
/// The outbox (<see cref="IOutboxStore"/>): one row per (mailing, subscriber), its text key the mailing's
/// <see cref="MailingKey"/>. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so claims made at the same time
/// never take the same row.
/// </summary>
public sealed partial class PostgresDeliveryStore
{
    // An erratum mailing (@w) goes to the subscribers whose copy of the issue (@issue) was sent, and its audience is
    // fixed by its first enqueue: a resumed run adds nobody.
    private const string ErratumAudience = """
        EXISTS (SELECT 1 FROM outbox i WHERE i.week = @issue::text AND i.subscriber_id = s.id AND i.state = 'sent')
        AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.week = @w)
        """;

    // A Failed row is retryable while its subscriber is active and unsuppressed.
    private const string Retryable = """
        o.week = @w AND o.state = 'failed' AND (@only::bigint IS NULL OR o.subscriber_id = @only::bigint)
        AND EXISTS (SELECT 1 FROM subscribers s WHERE s.id = o.subscriber_id AND s.status = 'active'
                    AND NOT EXISTS (SELECT 1 FROM suppressions x WHERE x.address_hash = s.address_hash))
        """;

    public async Task<int> EnqueueAsync(MailingKey mailing, string messageIdDomain, long? onlySubscriber = null, CancellationToken cancellationToken = default) =>
        await _sql.TransactionAsync(
            async (connection, transaction) =>
            {
                // Two first enqueues of an erratum at once must not both see "no rows yet".
                await PostgresSql.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@k, hashtext(@w))", cancellationToken, ("k", (int)PostgresLocks.Enqueue), ("w", mailing.ToString()));
                return await PostgresSql.ExecuteAsync(
                    connection,
                    transaction,
                    $"""
                    INSERT INTO outbox (week, subscriber_id, state, attempts, message_id, updated)
                    SELECT @w, s.id, 'pending', 0, replace(gen_random_uuid()::text, '-', '') || '@' || @d, @t
                    FROM subscribers s
                    WHERE s.status = 'active' AND (@only::bigint IS NULL OR s.id = @only::bigint)
                      AND NOT EXISTS (SELECT 1 FROM suppressions x WHERE x.address_hash = s.address_hash)
                      AND (@issue::text IS NULL OR ({ErratumAudience}))
                    ORDER BY s.id
                    ON CONFLICT DO NOTHING
                    """,
                    cancellationToken,
                    ("w", mailing.ToString()),
                    ("d", messageIdDomain),
                    ("t", Now()),
                    ("only", onlySubscriber),
                    ("issue", IssueOf(mailing)));
            },
            cancellationToken);

    public async Task<IReadOnlyList<Subscriber>> ListDueRecipientsAsync(MailingKey mailing, long afterId, int limit, bool includeRetryable = false, CancellationToken cancellationToken = default) =>
        await _sql.QueryAsync(
            $"""
            SELECT {SubscriberColumns}
            FROM subscribers s LEFT JOIN outbox o ON o.week = @w AND o.subscriber_id = s.id
            WHERE s.status = 'active' AND s.id > @after
              AND NOT EXISTS (SELECT 1 FROM suppressions x WHERE x.address_hash = s.address_hash)
              AND (o.state IS NULL OR o.state IN ('pending', 'sending', 'deferred') OR (@failed AND o.state = 'failed'))
              AND (@issue::text IS NULL OR o.state IS NOT NULL OR ({ErratumAudience}))
            ORDER BY s.id LIMIT @n
            """,
            r => ReadSubscriber(r),
            cancellationToken,
            ("w", mailing.ToString()),
            ("after", afterId),
            ("n", limit),
            ("failed", includeRetryable),
            ("issue", IssueOf(mailing)));

    public async Task<int> RetryFailedAsync(MailingKey mailing, long? onlySubscriber = null, CancellationToken cancellationToken = default) =>
        await _sql.ExecuteAsync(
            $"UPDATE outbox AS o SET state = 'pending', attempts = 0, next_attempt = NULL, sender = NULL, lease_until = NULL, updated = @t WHERE {Retryable}",
            cancellationToken,
            ("w", mailing.ToString()),
            ("only", onlySubscriber),
            ("t", Now()));

    public async Task<int> CountRetryableAsync(MailingKey mailing, long? onlySubscriber = null, CancellationToken cancellationToken = default) =>
        Convert.ToInt32(
            await _sql.ScalarAsync($"SELECT count(*) FROM outbox o WHERE {Retryable}", cancellationToken, ("w", mailing.ToString()), ("only", onlySubscriber)),
            System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<OutboxItem>> ClaimAsync(MailingKey mailing, int max, OutboxLease lease, long? onlySubscriber = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentNullException.ThrowIfNull(lease);
        var now = Now();
        var until = PostgresSql.Utc(now + lease.Duration);
        var week = mailing.ToString();
        return await _sql.TransactionAsync(
            async (connection, transaction) =>
            {
                var claimed = new List<OutboxItem>();

                // A batch of leavers only is marked and the next batch read, so an empty answer always means nothing is due.
                while (claimed.Count == 0)
                {
                    var candidates = await PostgresSql.QueryAsync(
                        connection,
                        transaction,
                        $"""
                        SELECT {OutboxColumns}, {SubscriberColumns},
                               EXISTS (SELECT 1 FROM suppressions x WHERE x.address_hash = s.address_hash)
                        FROM outbox o JOIN subscribers s ON s.id = o.subscriber_id
                        WHERE o.week = @w
                          AND (o.state = 'pending' OR (o.state = 'deferred' AND o.next_attempt <= @now)
                               OR (o.state = 'sending' AND (o.lease_until IS NULL OR o.lease_until <= @now)))
                          AND (@only::bigint IS NULL OR o.subscriber_id = @only::bigint)
                        ORDER BY o.subscriber_id LIMIT @n
                        FOR UPDATE OF o SKIP LOCKED
                        """,
                        r => (Row: ReadOutbox(r), Subscriber: ReadSubscriber(r, 8), Suppressed: r.GetBoolean(14)),
                        cancellationToken,
                        ("w", week),
                        ("now", now),
                        ("only", onlySubscriber),
                        ("n", max));
                    if (candidates.Count == 0)
                    {
                        break;
                    }

                    var leaving = candidates.Where(c => c.Suppressed || c.Subscriber.Status != SubscriberStatus.Active).Select(c => c.Row.SubscriberId).ToArray();
                    var taken = candidates.Where(c => !leaving.Contains(c.Row.SubscriberId)).ToList();
                    await PostgresSql.ExecuteAsync(
                        connection,
                        transaction,
                        "UPDATE outbox SET state = 'suppressed', next_attempt = NULL, sender = NULL, lease_until = NULL, last_answer = 'not sent: the subscriber is no longer active', updated = @t WHERE week = @w AND subscriber_id = ANY(@ids)",
                        cancellationToken,
                        ("t", now),
                        ("w", week),
                        ("ids", leaving));
                    await PostgresSql.ExecuteAsync(
                        connection,
                        transaction,
                        "UPDATE outbox SET state = 'sending', attempts = attempts + 1, sender = @s, lease_until = @until, updated = @t WHERE week = @w AND subscriber_id = ANY(@ids)",
                        cancellationToken,
                        ("t", now),
                        ("s", lease.Sender),
                        ("until", until),
                        ("w", week),
                        ("ids", taken.Select(c => c.Row.SubscriberId).ToArray()));
                    claimed.AddRange(taken.Select(c => new OutboxItem(c.Row with { State = OutboxState.Sending, Attempts = c.Row.Attempts + 1 }, c.Subscriber) { Resumed = c.Row.State == OutboxState.Sending }));
                }

                return (IReadOnlyList<OutboxItem>)claimed;
            },
            cancellationToken);
    }

    public Task MarkSentAsync(MailingKey mailing, long subscriberId, string answer, CancellationToken cancellationToken = default) =>
        _sql.ExecuteAsync(
            "UPDATE outbox SET state = 'sent', next_attempt = NULL, sender = NULL, lease_until = NULL, last_answer = @a, updated = @t WHERE week = @w AND subscriber_id = @id",
            cancellationToken,
            ("a", answer),
            ("t", Now()),
            ("w", mailing.ToString()),
            ("id", subscriberId));

    public Task MarkDeferredAsync(MailingKey mailing, long subscriberId, DateTimeOffset nextAttempt, string answer, CancellationToken cancellationToken = default) =>
        _sql.ExecuteAsync(
            "UPDATE outbox SET state = 'deferred', next_attempt = @next, sender = NULL, lease_until = NULL, last_answer = @a, updated = @t WHERE week = @w AND subscriber_id = @id",
            cancellationToken,
            ("next", PostgresSql.Utc(nextAttempt)),
            ("a", answer),
            ("t", Now()),
            ("w", mailing.ToString()),
            ("id", subscriberId));

    public async Task MarkFailedAsync(MailingKey mailing, long subscriberId, string answer, SuppressionReason? suppress, CancellationToken cancellationToken = default)
    {
        var now = Now();
        await _sql.TransactionAsync(
            async (connection, transaction) =>
            {
                await PostgresSql.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE outbox SET state = 'failed', next_attempt = NULL, sender = NULL, lease_until = NULL, last_answer = @a, updated = @t WHERE week = @w AND subscriber_id = @id",
                    cancellationToken,
                    ("a", answer),
                    ("t", now),
                    ("w", mailing.ToString()),
                    ("id", subscriberId));
                if (suppress is { } reason)
                {
                    await SuppressSubscriberAsync(connection, transaction, subscriberId, reason, now, cancellationToken);
                }

                return 0;
            },
            cancellationToken);
    }

    public Task ReleaseAsync(MailingKey mailing, long subscriberId, string sender, CancellationToken cancellationToken = default) =>
        _sql.ExecuteAsync(
            "UPDATE outbox SET state = 'pending', sender = NULL, lease_until = NULL, updated = @t WHERE week = @w AND subscriber_id = @id AND state = 'sending' AND sender = @s",
            cancellationToken,
            ("t", Now()),
            ("w", mailing.ToString()),
            ("id", subscriberId),
            ("s", sender));

    public async Task<int> RenewLeaseAsync(MailingKey mailing, OutboxLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return await _sql.ExecuteAsync(
            "UPDATE outbox SET lease_until = @until WHERE week = @w AND state = 'sending' AND sender = @s",
            cancellationToken,
            ("until", PostgresSql.Utc(Now() + lease.Duration)),
            ("w", mailing.ToString()),
            ("s", lease.Sender));
    }

    public async Task<DateTimeOffset?> NextLeaseEndAsync(MailingKey mailing, string otherThan, CancellationToken cancellationToken = default) =>
        await _sql.ScalarAsync(
            "SELECT min(coalesce(lease_until, '-infinity')) FROM outbox WHERE week = @w AND state = 'sending' AND sender IS DISTINCT FROM @s",
            cancellationToken,
            ("w", mailing.ToString()),
            ("s", otherThan)) switch
        {
            DateTime end when end == DateTime.MinValue => DateTimeOffset.MinValue,
            DateTime end => new DateTimeOffset(DateTime.SpecifyKind(end, DateTimeKind.Utc)),
            DateTimeOffset end => end,
            _ => null,
        };

    public async Task<OutboxRow?> GetOutboxRowAsync(MailingKey mailing, long subscriberId, CancellationToken cancellationToken = default) =>
        (await _sql.QueryAsync($"SELECT {OutboxColumns} FROM outbox o WHERE o.week = @w AND o.subscriber_id = @id", r => ReadOutbox(r), cancellationToken, ("w", mailing.ToString()), ("id", subscriberId))).FirstOrDefault();

    public async Task<DeliveryCounts> CountAsync(MailingKey mailing, CancellationToken cancellationToken = default)
    {
        return DeliverySpelling.Counts(await _sql.QueryAsync(
            "SELECT state, count(*) FROM outbox WHERE week = @w GROUP BY state",
            r => (DeliverySpelling.StateOf(r.GetString(0)), (int)r.GetInt64(1)),
            cancellationToken,
            ("w", mailing.ToString())));
    }

    public async Task<IReadOnlyList<OutboxItem>> ListOutboxRowsAsync(MailingKey mailing, IReadOnlyCollection<OutboxState> states, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (states.Count == 0)
        {
            return [];
        }

        return await _sql.QueryAsync(
            $"""
            SELECT {OutboxColumns}, {SubscriberColumns}
            FROM outbox o JOIN subscribers s ON s.id = o.subscriber_id
            WHERE o.week = @w AND o.state = ANY(@states)
            ORDER BY o.subscriber_id LIMIT @n
            """,
            r => new OutboxItem(ReadOutbox(r), ReadSubscriber(r, 8)),
            cancellationToken,
            ("w", mailing.ToString()),
            ("states", states.Distinct().Select(Name).ToArray()),
            ("n", limit));
    }

    public async Task<DateTimeOffset?> NextDeferredAsync(MailingKey mailing, CancellationToken cancellationToken = default) =>
        (await _sql.QueryAsync(
            "SELECT min(next_attempt) FROM outbox WHERE week = @w AND state = 'deferred'",
            r => r.IsDBNull(0) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(0),
            cancellationToken,
            ("w", mailing.ToString())))[0];

    /// <summary>For an erratum's mailing, the key of the issue's own mailing (whose Sent rows are its audience); else null.</summary>
    private static string? IssueOf(MailingKey mailing) => mailing.IsErratum ? MailingKey.ForIssue(mailing.Issue).ToString() : null;
}
