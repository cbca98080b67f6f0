using System.Globalization;
using Microsoft.Data.Sqlite;
using Roundup.Delivery;
using static Roundup.Storage.Sqlite.SqliteDeliveryRows;
using static Roundup.Storage.DeliverySpelling;

namespace Roundup.Storage.Sqlite;

/// <summary>The outbox (<see cref="IOutboxStore"/>): one row per (mailing, subscriber), its text key the mailing's <see cref="MailingKey"/>.</summary>
public sealed partial class SqliteDeliveryStore
{
    public async Task<int> EnqueueAsync(MailingKey mailing, string messageIdDomain, long? onlySubscriber = null, CancellationToken cancellationToken = default)
    {
        var inserted = await _session.QueryAsync(
            $"""
            INSERT INTO outbox (week, subscriber_id, state, attempts, message_id, updated)
            SELECT $w, s.id, 'pending', 0, lower(hex(randomblob(16))) || '@' || $d, $t
            FROM subscribers s
            WHERE s.status = 'active' AND ($only IS NULL OR s.id = $only)
              AND NOT EXISTS (SELECT 1 FROM suppressions x WHERE x.address_hash = s.address_hash)
              AND ($issue IS NULL OR ({ErratumAudience}))
            ON CONFLICT DO NOTHING
            RETURNING subscriber_id
            """,
            r => r.GetInt64(0),
            cancellationToken,
            ("$w", mailing.ToString()),
            ("$d", messageIdDomain),
            ("$t", Time(_time.GetUtcNow())),
            ("$only", onlySubscriber is null ? DBNull.Value : onlySubscriber.Value),
            ("$issue", IssueOf(mailing)));
        return inserted.Count;
    }

    // An erratum mailing ($w) goes to the subscribers whose copy of the issue ($issue) was sent, and its audience is
    // fixed by its first enqueue: a resumed run adds nobody, so a reader who got the issue later (already showing
    // the correction) is not sent the erratum as well.
    private const string ErratumAudience = """
        EXISTS (SELECT 1 FROM outbox i WHERE i.week = $issue AND i.subscriber_id = s.id AND i.state = 'sent')
        AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.week = $w)
        """;

    public async Task<IReadOnlyList<Subscriber>> ListDueRecipientsAsync(MailingKey mailing, long afterId, int limit, bool includeRetryable = false, CancellationToken cancellationToken = default) =>
        await _session.QueryAsync(
            $"""
            SELECT {SubscriberColumns}
            FROM subscribers s LEFT JOIN outbox o ON o.week = $w AND o.subscriber_id = s.id
            WHERE s.status = 'active' AND s.id > $after
              AND NOT EXISTS (SELECT 1 FROM suppressions x WHERE x.address_hash = s.address_hash)
              AND (o.state IS NULL OR o.state IN ('pending', 'sending', 'deferred') OR ($failed = 1 AND o.state = 'failed'))
              AND ($issue IS NULL OR o.state IS NOT NULL OR ({ErratumAudience}))
            ORDER BY s.id LIMIT $n
            """,
            r => ReadSubscriber(r),
            cancellationToken,
            ("$w", mailing.ToString()),
            ("$after", afterId),
            ("$n", limit),
            ("$failed", includeRetryable ? 1 : 0),
            ("$issue", IssueOf(mailing)));

    // A Failed row is retryable while its subscriber is active and unsuppressed: a refused address is bounced and
    // suppressed with its row, and someone who left since is not written to.
    private const string Retryable = """
        o.week = $w AND o.state = 'failed' AND ($only IS NULL OR o.subscriber_id = $only)
        AND EXISTS (SELECT 1 FROM subscribers s WHERE s.id = o.subscriber_id AND s.status = 'active'
                    AND NOT EXISTS (SELECT 1 FROM suppressions x WHERE x.address_hash = s.address_hash))
        """;

    public async Task<int> RetryFailedAsync(MailingKey mailing, long? onlySubscriber = null, CancellationToken cancellationToken = default) =>
        (await _session.QueryAsync(
            $"UPDATE outbox AS o SET state = 'pending', attempts = 0, next_attempt = NULL, sender = NULL, lease_until = NULL, updated = $t WHERE {Retryable} RETURNING subscriber_id",
            r => r.GetInt64(0),
            cancellationToken,
            ("$w", mailing.ToString()),
            ("$only", onlySubscriber is null ? DBNull.Value : onlySubscriber.Value),
            ("$t", Time(_time.GetUtcNow())))).Count;

    public async Task<int> CountRetryableAsync(MailingKey mailing, long? onlySubscriber = null, CancellationToken cancellationToken = default) =>
        Convert.ToInt32(
            await _session.ScalarAsync(
                $"SELECT count(*) FROM outbox o WHERE {Retryable}",
                cancellationToken,
                ("$w", mailing.ToString()),
                ("$only", onlySubscriber is null ? DBNull.Value : onlySubscriber.Value)),
            CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<OutboxItem>> ClaimAsync(MailingKey mailing, int max, OutboxLease lease, long? onlySubscriber = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentNullException.ThrowIfNull(lease);
        var claimed = new List<OutboxItem>();
        var clock = _time.GetUtcNow();
        var now = Time(clock);
        var until = Time(clock + lease.Duration);
        await _session.ExclusiveAsync(async () =>
        {
            // Senders in other processes claim from the same file: the transaction takes the write lock before it reads
            // (BEGIN IMMEDIATE), so no two of them read the same due rows.
            await using var transaction = _session.Connection.BeginTransaction(deferred: false);
            using var due = _session.Command(
                $"""
                SELECT {OutboxColumns}, {SubscriberColumns},
                       EXISTS (SELECT 1 FROM suppressions x WHERE x.address_hash = s.address_hash)
                FROM outbox o JOIN subscribers s ON s.id = o.subscriber_id
                WHERE o.week = $w
                  AND (o.state = 'pending' OR (o.state = 'deferred' AND o.next_attempt <= $now)
                       OR (o.state = 'sending' AND (o.lease_until IS NULL OR o.lease_until <= $now)))
                  AND ($only IS NULL OR o.subscriber_id = $only)
                ORDER BY o.subscriber_id LIMIT $n
                """,
                ("$w", mailing.ToString()),
                ("$only", onlySubscriber is null ? DBNull.Value : onlySubscriber.Value),
                ("$now", now),
                ("$n", max));
            due.Transaction = transaction;
            using var take = Prepare(transaction, "UPDATE outbox SET state = 'sending', attempts = attempts + 1, sender = $s, lease_until = $until, updated = $t WHERE week = $w AND subscriber_id = $id", "$t", "$w", "$id", "$s", "$until");
            using var drop = Prepare(transaction, "UPDATE outbox SET state = 'suppressed', next_attempt = NULL, sender = NULL, lease_until = NULL, last_answer = 'not sent: the subscriber is no longer active', updated = $t WHERE week = $w AND subscriber_id = $id", "$t", "$w", "$id");

            // A batch of leavers only is marked and the next batch read, so an empty answer always means nothing is due.
            while (claimed.Count == 0)
            {
                var candidates = new List<(OutboxRow Row, Subscriber Subscriber, bool Suppressed)>();
                using (var reader = due.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        candidates.Add((ReadOutbox(reader), ReadSubscriber(reader, 8), reader.GetInt64(14) == 1));
                    }
                }

                if (candidates.Count == 0)
                {
                    break;
                }

                foreach (var (row, subscriber, suppressed) in candidates)
                {
                    var leaving = suppressed || subscriber.Status != SubscriberStatus.Active;
                    if (leaving)
                    {
                        Set(drop, now, mailing.ToString(), row.SubscriberId);
                        drop.ExecuteNonQuery();
                        continue;
                    }

                    Set(take, now, mailing.ToString(), row.SubscriberId, lease.Sender, until);
                    take.ExecuteNonQuery();
                    claimed.Add(new OutboxItem(row with { State = OutboxState.Sending, Attempts = row.Attempts + 1 }, subscriber) { Resumed = row.State == OutboxState.Sending });
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
        return claimed;
    }

    public Task MarkSentAsync(MailingKey mailing, long subscriberId, string answer, CancellationToken cancellationToken = default) =>
        _session.ScalarAsync(
            "UPDATE outbox SET state = 'sent', next_attempt = NULL, sender = NULL, lease_until = NULL, last_answer = $a, updated = $t WHERE week = $w AND subscriber_id = $id",
            cancellationToken,
            ("$a", answer),
            ("$t", Time(_time.GetUtcNow())),
            ("$w", mailing.ToString()),
            ("$id", subscriberId));

    public Task MarkDeferredAsync(MailingKey mailing, long subscriberId, DateTimeOffset nextAttempt, string answer, CancellationToken cancellationToken = default) =>
        _session.ScalarAsync(
            "UPDATE outbox SET state = 'deferred', next_attempt = $next, sender = NULL, lease_until = NULL, last_answer = $a, updated = $t WHERE week = $w AND subscriber_id = $id",
            cancellationToken,
            ("$next", Time(nextAttempt)),
            ("$a", answer),
            ("$t", Time(_time.GetUtcNow())),
            ("$w", mailing.ToString()),
            ("$id", subscriberId));

    public async Task MarkFailedAsync(MailingKey mailing, long subscriberId, string answer, SuppressionReason? suppress, CancellationToken cancellationToken = default)
    {
        var now = Time(_time.GetUtcNow());
        await _session.ExclusiveAsync(async () =>
        {
            await using var transaction = (SqliteTransaction)await _session.Connection.BeginTransactionAsync(cancellationToken);
            Execute(
                transaction,
                "UPDATE outbox SET state = 'failed', next_attempt = NULL, sender = NULL, lease_until = NULL, last_answer = $a, updated = $t WHERE week = $w AND subscriber_id = $id",
                ("$a", answer),
                ("$t", now),
                ("$w", mailing.ToString()),
                ("$id", subscriberId));
            if (suppress is { } reason)
            {
                SuppressSubscriber(transaction, subscriberId, reason, now);
            }

            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
    }

    public Task ReleaseAsync(MailingKey mailing, long subscriberId, string sender, CancellationToken cancellationToken = default) =>
        _session.ScalarAsync(
            "UPDATE outbox SET state = 'pending', sender = NULL, lease_until = NULL, updated = $t WHERE week = $w AND subscriber_id = $id AND state = 'sending' AND sender = $s",
            cancellationToken,
            ("$t", Time(_time.GetUtcNow())),
            ("$w", mailing.ToString()),
            ("$id", subscriberId),
            ("$s", sender));

    public async Task<int> RenewLeaseAsync(MailingKey mailing, OutboxLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var now = _time.GetUtcNow();
        return (await _session.QueryAsync(
            "UPDATE outbox SET lease_until = $until WHERE week = $w AND state = 'sending' AND sender = $s RETURNING subscriber_id",
            r => r.GetInt64(0),
            cancellationToken,
            ("$until", Time(now + lease.Duration)),
            ("$w", mailing.ToString()),
            ("$s", lease.Sender))).Count;
    }

    public async Task<DateTimeOffset?> NextLeaseEndAsync(MailingKey mailing, string otherThan, CancellationToken cancellationToken = default) =>
        await _session.ScalarAsync(
            "SELECT min(coalesce(lease_until, '')) FROM outbox WHERE week = $w AND state = 'sending' AND sender IS NOT $s",
            cancellationToken,
            ("$w", mailing.ToString()),
            ("$s", otherThan)) switch
        {
            "" => DateTimeOffset.MinValue,
            string end => ParseTime(end),
            _ => null,
        };

    public async Task<OutboxRow?> GetOutboxRowAsync(MailingKey mailing, long subscriberId, CancellationToken cancellationToken = default) =>
        (await _session.QueryAsync($"SELECT {OutboxColumns} FROM outbox o WHERE o.week = $w AND o.subscriber_id = $id", r => ReadOutbox(r), cancellationToken, ("$w", mailing.ToString()), ("$id", subscriberId))).FirstOrDefault();

    public async Task<DeliveryCounts> CountAsync(MailingKey mailing, CancellationToken cancellationToken = default)
    {
        return DeliverySpelling.Counts(await _session.QueryAsync(
            "SELECT state, count(*) FROM outbox WHERE week = $w GROUP BY state",
            r => (DeliverySpelling.StateOf(r.GetString(0)), r.GetInt32(1)),
            cancellationToken,
            ("$w", mailing.ToString())));
    }

    public async Task<IReadOnlyList<OutboxItem>> ListOutboxRowsAsync(MailingKey mailing, IReadOnlyCollection<OutboxState> states, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (states.Count == 0)
        {
            return [];
        }

        // The states are the enum's own names, so they can be listed in the query as literals.
        var names = string.Join(", ", states.Distinct().Select(s => $"'{Name(s)}'"));
        return await _session.QueryAsync(
            $"""
            SELECT {OutboxColumns}, {SubscriberColumns}
            FROM outbox o JOIN subscribers s ON s.id = o.subscriber_id
            WHERE o.week = $w AND o.state IN ({names})
            ORDER BY o.subscriber_id LIMIT $n
            """,
            r => new OutboxItem(ReadOutbox(r), ReadSubscriber(r, 8)),
            cancellationToken,
            ("$w", mailing.ToString()),
            ("$n", limit));
    }

    public async Task<DateTimeOffset?> NextDeferredAsync(MailingKey mailing, CancellationToken cancellationToken = default) =>
        await _session.ScalarAsync("SELECT min(next_attempt) FROM outbox WHERE week = $w AND state = 'deferred'", cancellationToken, ("$w", mailing.ToString())) is string next
            ? ParseTime(next)
            : null;

    /// <summary>For an erratum's mailing, the key of the issue's own mailing (whose Sent rows are its audience); else SQL NULL.</summary>
    private static object IssueOf(MailingKey mailing) => mailing.IsErratum ? MailingKey.ForIssue(mailing.Issue).ToString() : DBNull.Value;
}
