using System.Globalization;
using Microsoft.Data.Sqlite;
using Roundup.Delivery;
using static Roundup.Storage.Sqlite.SqliteDeliveryRows;

namespace Roundup.Storage.Sqlite;

/// <summary>
/// Subscribers, suppressions and the outbox in the SQLite store. Every state change is its own committed
/// transaction, so what a killed process leaves behind is exactly what it had done.
/// </summary>
public sealed partial class SqliteDeliveryStore : ISubscriberStore, IOutboxStore, ISenderLock, IAsyncDisposable
{
    private readonly SqliteSession _session;
    private readonly TimeProvider _time;
    private readonly string _lockPath;
    private readonly bool _ownsSession;

    internal SqliteDeliveryStore(SqliteSession session, TimeProvider time, string databasePath, bool ownsSession = false)
    {
        _session = session;
        _time = time;
        _lockPath = Path.GetFullPath(databasePath) + ".send-lock";
        _ownsSession = ownsSession;
    }

    /// <summary>Opens the store's file on a connection of its own (the file can be open elsewhere at the same time).</summary>
    public static async Task<SqliteDeliveryStore> OpenAsync(string path, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
#pragma warning disable CA2000 // the store owns the session, which owns the connection
        var connection = await SqliteDatabase.OpenAsync(path, cancellationToken);
        return new SqliteDeliveryStore(new SqliteSession(connection), time ?? TimeProvider.System, path, ownsSession: true);
#pragma warning restore CA2000
    }

    public async Task<ImportResult> AddSubscribersAsync(IReadOnlyList<SubscriberImport> subscribers, SubscriberStatus status, CancellationToken cancellationToken = default)
    {
        if (status is not (SubscriberStatus.Pending or SubscriberStatus.Active))
        {
            throw new ArgumentException($"new subscribers are pending or active, not {status}", nameof(status));
        }

        int added = 0, updated = 0, suppressed = 0, unchanged = 0;
        var addedIds = new List<long>();
        var now = Time(_time.GetUtcNow());
        await _session.ExclusiveAsync(async () =>
        {
            await using var transaction = (SqliteTransaction)await _session.Connection.BeginTransactionAsync(cancellationToken);
            using var isSuppressed = Prepare(transaction, "SELECT 1 FROM suppressions WHERE address_hash = $h", "$h");
            using var find = Prepare(transaction, "SELECT id, name, status FROM subscribers WHERE address_hash = $h", "$h");
            using var insert = Prepare(
                transaction,
                "INSERT INTO subscribers (email, address_hash, name, status, created, confirmed, changed) VALUES ($e, $h, $n, $s, $t, $c, $t) RETURNING id",
                "$e", "$h", "$n", "$s", "$t", "$c");
            using var update = Prepare(transaction, "UPDATE subscribers SET name = $n, status = $s, confirmed = coalesce(confirmed, $c), changed = $t WHERE id = $id", "$n", "$s", "$c", "$t", "$id");
            foreach (var subscriber in subscribers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var hash = AddressKey.Hash(subscriber.Email);
                isSuppressed.Parameters[0].Value = hash;
                if (isSuppressed.ExecuteScalar() is not null)
                {
                    suppressed++;
                    continue;
                }

                find.Parameters[0].Value = hash;
                (long Id, string? Name, SubscriberStatus Status)? known = null;
                using (var reader = find.ExecuteReader())
                {
                    if (reader.Read())
                    {
                        known = (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), Enum.Parse<SubscriberStatus>(reader.GetString(2), ignoreCase: true));
                    }
                }

                if (known is null)
                {
                    Set(insert, subscriber.Email.Trim(), hash, subscriber.Name, Name(status), now, status == SubscriberStatus.Active ? now : null);
                    addedIds.Add(Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture));
                    added++;
                    continue;
                }

                var (id, name, current) = known.Value;
                if (current is not (SubscriberStatus.Pending or SubscriberStatus.Active))
                {
                    suppressed++;
                    continue;
                }

                var newName = subscriber.Name ?? name;
                var newStatus = status == SubscriberStatus.Active ? SubscriberStatus.Active : current;
                if (newName == name && newStatus == current)
                {
                    unchanged++;
                    continue;
                }

                Set(update, newName, Name(newStatus), newStatus == SubscriberStatus.Active ? now : null, now, id);
                update.ExecuteNonQuery();
                updated++;
            }

            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
        return new ImportResult(added, updated, suppressed, unchanged, addedIds);
    }

    public async Task<Subscriber?> GetSubscriberAsync(long id, CancellationToken cancellationToken = default) =>
        (await _session.QueryAsync($"SELECT {SubscriberColumns} FROM subscribers s WHERE s.id = $id", r => ReadSubscriber(r), cancellationToken, ("$id", id))).FirstOrDefault();

    public async Task<Subscriber?> FindSubscriberAsync(string email, CancellationToken cancellationToken = default) =>
        (await _session.QueryAsync($"SELECT {SubscriberColumns} FROM subscribers s WHERE s.address_hash = $h", r => ReadSubscriber(r), cancellationToken, ("$h", AddressKey.Hash(email)))).FirstOrDefault();

    public async Task<IReadOnlyList<Subscriber>> ListSubscribersAsync(SubscriberStatus? status = null, long afterId = 0, int limit = int.MaxValue, CancellationToken cancellationToken = default) =>
        await _session.QueryAsync(
            $"SELECT {SubscriberColumns} FROM subscribers s WHERE ($s IS NULL OR s.status = $s) AND s.id > $after ORDER BY s.id LIMIT $n",
            r => ReadSubscriber(r),
            cancellationToken,
            ("$s", status is null ? DBNull.Value : Name(status.Value)),
            ("$after", afterId),
            ("$n", limit));

    public async Task<Subscriber?> ConfirmAsync(long id, CancellationToken cancellationToken = default)
    {
        var now = Time(_time.GetUtcNow());
        await _session.ScalarAsync(
            "UPDATE subscribers SET status = 'active', confirmed = $t, changed = $t WHERE id = $id AND status = 'pending'",
            cancellationToken,
            ("$t", now),
            ("$id", id));
        return await GetSubscriberAsync(id, cancellationToken);
    }

    public async Task<Subscriber?> SuppressAsync(long id, SuppressionReason reason, CancellationToken cancellationToken = default)
    {
        await _session.ExclusiveAsync(async () =>
        {
            await using var transaction = (SqliteTransaction)await _session.Connection.BeginTransactionAsync(cancellationToken);
            SuppressSubscriber(transaction, id, reason, Time(_time.GetUtcNow()));
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
        return await GetSubscriberAsync(id, cancellationToken);
    }

    public async Task SuppressAddressAsync(string email, SuppressionReason reason, CancellationToken cancellationToken = default)
    {
        var hash = AddressKey.Hash(email);
        var now = Time(_time.GetUtcNow());
        await _session.ExclusiveAsync(async () =>
        {
            await using var transaction = (SqliteTransaction)await _session.Connection.BeginTransactionAsync(cancellationToken);
            Execute(transaction, "INSERT INTO suppressions (address_hash, reason, recorded) VALUES ($h, $r, $t) ON CONFLICT DO NOTHING", ("$h", hash), ("$r", Name(reason)), ("$t", now));
            Execute(transaction, "UPDATE subscribers SET status = $s, changed = $t WHERE address_hash = $h", ("$s", Name(StatusOf(reason))), ("$t", now), ("$h", hash));
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
    }

    public async Task<Suppression?> GetSuppressionAsync(string email, CancellationToken cancellationToken = default) =>
        (await _session.QueryAsync("SELECT address_hash, reason, recorded FROM suppressions WHERE address_hash = $h", ReadSuppression, cancellationToken, ("$h", AddressKey.Hash(email)))).FirstOrDefault();

    public async Task<IReadOnlyList<Suppression>> ListSuppressionsAsync(CancellationToken cancellationToken = default) =>
        await _session.QueryAsync("SELECT address_hash, reason, recorded FROM suppressions ORDER BY recorded, address_hash", ReadSuppression, cancellationToken);

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
            $"UPDATE outbox AS o SET state = 'pending', attempts = 0, next_attempt = NULL, updated = $t WHERE {Retryable} RETURNING subscriber_id",
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

    public async Task<int> ReleaseInterruptedAsync(MailingKey mailing, CancellationToken cancellationToken = default) =>
        (await _session.QueryAsync(
            "UPDATE outbox SET state = 'pending', updated = $t WHERE week = $w AND state = 'sending' RETURNING subscriber_id",
            r => r.GetInt64(0),
            cancellationToken,
            ("$w", mailing.ToString()),
            ("$t", Time(_time.GetUtcNow())))).Count;

    public async Task<IReadOnlyList<OutboxItem>> ClaimAsync(MailingKey mailing, int max, long? onlySubscriber = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var claimed = new List<OutboxItem>();
        var now = Time(_time.GetUtcNow());
        await _session.ExclusiveAsync(async () =>
        {
            await using var transaction = (SqliteTransaction)await _session.Connection.BeginTransactionAsync(cancellationToken);
            using var due = _session.Command(
                $"""
                SELECT {OutboxColumns}, {SubscriberColumns},
                       EXISTS (SELECT 1 FROM suppressions x WHERE x.address_hash = s.address_hash)
                FROM outbox o JOIN subscribers s ON s.id = o.subscriber_id
                WHERE o.week = $w AND (o.state = 'pending' OR (o.state = 'deferred' AND o.next_attempt <= $now))
                  AND ($only IS NULL OR o.subscriber_id = $only)
                ORDER BY o.subscriber_id LIMIT $n
                """,
                ("$w", mailing.ToString()),
                ("$only", onlySubscriber is null ? DBNull.Value : onlySubscriber.Value),
                ("$now", now),
                ("$n", max));
            due.Transaction = transaction;
            using var take = Prepare(transaction, "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated = $t WHERE week = $w AND subscriber_id = $id", "$t", "$w", "$id");
            using var drop = Prepare(transaction, "UPDATE outbox SET state = 'suppressed', next_attempt = NULL, last_answer = 'not sent: the subscriber is no longer active', updated = $t WHERE week = $w AND subscriber_id = $id", "$t", "$w", "$id");

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
                    var command = leaving ? drop : take;
                    Set(command, now, mailing.ToString(), row.SubscriberId);
                    command.ExecuteNonQuery();
                    if (!leaving)
                    {
                        claimed.Add(new OutboxItem(row with { State = OutboxState.Sending, Attempts = row.Attempts + 1 }, subscriber));
                    }
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
        return claimed;
    }

    public Task MarkSentAsync(MailingKey mailing, long subscriberId, string answer, CancellationToken cancellationToken = default) =>
        _session.ScalarAsync(
            "UPDATE outbox SET state = 'sent', next_attempt = NULL, last_answer = $a, updated = $t WHERE week = $w AND subscriber_id = $id",
            cancellationToken,
            ("$a", answer),
            ("$t", Time(_time.GetUtcNow())),
            ("$w", mailing.ToString()),
            ("$id", subscriberId));

    public Task MarkDeferredAsync(MailingKey mailing, long subscriberId, DateTimeOffset nextAttempt, string answer, CancellationToken cancellationToken = default) =>
        _session.ScalarAsync(
            "UPDATE outbox SET state = 'deferred', next_attempt = $next, last_answer = $a, updated = $t WHERE week = $w AND subscriber_id = $id",
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
                "UPDATE outbox SET state = 'failed', next_attempt = NULL, last_answer = $a, updated = $t WHERE week = $w AND subscriber_id = $id",
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

    public Task ReleaseAsync(MailingKey mailing, long subscriberId, CancellationToken cancellationToken = default) =>
        _session.ScalarAsync(
            "UPDATE outbox SET state = 'pending', updated = $t WHERE week = $w AND subscriber_id = $id AND state = 'sending'",
            cancellationToken,
            ("$t", Time(_time.GetUtcNow())),
            ("$w", mailing.ToString()),
            ("$id", subscriberId));

    public async Task<OutboxRow?> GetOutboxRowAsync(MailingKey mailing, long subscriberId, CancellationToken cancellationToken = default) =>
        (await _session.QueryAsync($"SELECT {OutboxColumns} FROM outbox o WHERE o.week = $w AND o.subscriber_id = $id", r => ReadOutbox(r), cancellationToken, ("$w", mailing.ToString()), ("$id", subscriberId))).FirstOrDefault();

    public async Task<DeliveryCounts> CountAsync(MailingKey mailing, CancellationToken cancellationToken = default)
    {
        var counts = (await _session.QueryAsync(
            "SELECT state, count(*) FROM outbox WHERE week = $w GROUP BY state",
            r => (State: Enum.Parse<OutboxState>(r.GetString(0), ignoreCase: true), Count: r.GetInt32(1)),
            cancellationToken,
            ("$w", mailing.ToString()))).ToDictionary(c => c.State, c => c.Count);
        int Of(OutboxState state) => counts.GetValueOrDefault(state);
        return new DeliveryCounts(Of(OutboxState.Pending), Of(OutboxState.Sending), Of(OutboxState.Sent), Of(OutboxState.Deferred), Of(OutboxState.Failed), Of(OutboxState.Suppressed));
    }

    public async Task<DateTimeOffset?> NextDeferredAsync(MailingKey mailing, CancellationToken cancellationToken = default) =>
        await _session.ScalarAsync("SELECT min(next_attempt) FROM outbox WHERE week = $w AND state = 'deferred'", cancellationToken, ("$w", mailing.ToString())) is string next
            ? ParseTime(next)
            : null;

    public Task<IAsyncDisposable> LockSenderAsync(CancellationToken cancellationToken = default) =>
        SqliteDeliveryLock.TryTake(_lockPath) is { } taken
            ? Task.FromResult<IAsyncDisposable>(taken)
            : throw new DeliveryBusyException($"another delivery run is using this store (the lock {_lockPath} is held); wait for it to finish");

    public ValueTask DisposeAsync()
    {
        if (_ownsSession)
        {
            _session.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>For an erratum's mailing, the key of the issue's own mailing (whose Sent rows are its audience); else SQL NULL.</summary>
    private static object IssueOf(MailingKey mailing) => mailing.IsErratum ? MailingKey.ForIssue(mailing.Issue).ToString() : DBNull.Value;

    private void SuppressSubscriber(SqliteTransaction transaction, long id, SuppressionReason reason, string now)
    {
        Execute(transaction, "UPDATE subscribers SET status = $s, changed = $t WHERE id = $id", ("$s", Name(StatusOf(reason))), ("$t", now), ("$id", id));
        Execute(
            transaction,
            "INSERT INTO suppressions (address_hash, reason, recorded) SELECT address_hash, $r, $t FROM subscribers WHERE id = $id ON CONFLICT DO NOTHING",
            ("$r", Name(reason)),
            ("$t", now),
            ("$id", id));
    }

    private SqliteCommand Prepare(SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = _session.Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private void Execute(SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _session.Command(sql, parameters);
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, or null for none or SQL NULL.</summary>
    private object? Scalar(SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _session.Command(sql, parameters);
        command.Transaction = transaction;
        var scalar = command.ExecuteScalar();
        return scalar is DBNull ? null : scalar;
    }
}
