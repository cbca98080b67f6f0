using System.Globalization;
using Microsoft.Data.Sqlite;
using Roundup.Delivery;
using static Roundup.Storage.Sqlite.SqliteDeliveryRows;
using static Roundup.Storage.DeliverySpelling;

namespace Roundup.Storage.Sqlite;

/// <summary>Subscribers and the suppression list (<see cref="ISubscriberStore"/>); sign-up and erasure have files of their own.</summary>
public sealed partial class SqliteDeliveryStore
{
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
}
