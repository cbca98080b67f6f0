using Npgsql;
using Roundup.Delivery;
using static Roundup.Storage.Postgres.PostgresDeliveryRows;
using static Roundup.Storage.DeliverySpelling;

namespace Roundup.Storage.Postgres;

/// <summary>Subscribers and the suppression list (<see cref="ISubscriberStore"/>); sign-up and erasure have files of their own.</summary>
public sealed partial class PostgresDeliveryStore
{
    public async Task<ImportResult> AddSubscribersAsync(IReadOnlyList<SubscriberImport> subscribers, SubscriberStatus status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscribers);
        if (status is not (SubscriberStatus.Pending or SubscriberStatus.Active))
        {
            throw new ArgumentException($"new subscribers are pending or active, not {status}", nameof(status));
        }

        var now = Now();
        return await _sql.TransactionAsync(
            async (connection, transaction) =>
            {
                // Under the lock no other process adds or signs up an address meanwhile, so what was read below stays true.
                await PostgresSql.LockAsync(connection, transaction, PostgresLocks.Subscribers, cancellationToken);
                var hashes = subscribers.Select(s => AddressKey.Hash(s.Email)).ToArray();
                var suppressed = (await PostgresSql.QueryAsync(connection, transaction, "SELECT address_hash FROM suppressions WHERE address_hash = ANY(@h)", r => r.GetString(0), cancellationToken, ("h", hashes)))
                    .ToHashSet(StringComparer.Ordinal);
                var known = (await PostgresSql.QueryAsync(
                        connection,
                        transaction,
                        "SELECT address_hash, id, name, status FROM subscribers WHERE address_hash = ANY(@h)",
                        r => new Known(r.GetInt64(1), r.IsDBNull(2) ? null : r.GetString(2), Enum.Parse<SubscriberStatus>(r.GetString(3), ignoreCase: true)) { Hash = r.GetString(0) },
                        cancellationToken,
                        ("h", hashes)))
                    .ToDictionary(k => k.Hash, StringComparer.Ordinal);
                var plan = Plan(subscribers, hashes, status, suppressed, known);
                await InsertAsync(connection, transaction, plan.New, status, now, cancellationToken);
                var changed = known.Values.Where(k => k.Changed).ToList();
                await PostgresSql.ExecuteAsync(
                    connection,
                    transaction,
                    """
                    UPDATE subscribers s SET name = u.name, status = u.status, confirmed = CASE WHEN u.status = 'active' THEN coalesce(s.confirmed, @t) ELSE s.confirmed END, changed = @t
                    FROM unnest(@id, @name, @status) AS u (id, name, status) WHERE s.id = u.id
                    """,
                    cancellationToken,
                    ("id", changed.Select(k => k.Id).ToArray()),
                    ("name", changed.Select(k => k.Name).ToArray()),
                    ("status", changed.Select(k => Name(k.Status)).ToArray()),
                    ("t", now));
                return plan.Result with { AddedIds = plan.New.Select(n => n.Id).ToList() };
            },
            cancellationToken);
    }

    // Decides each line in file order, as the SQLite store does row by row: a later line for the same address sees what an earlier one did.
    private static (ImportResult Result, List<Known> New) Plan(IReadOnlyList<SubscriberImport> subscribers, string[] hashes, SubscriberStatus status, HashSet<string> suppressed, Dictionary<string, Known> known)
    {
        int updated = 0, suppressedCount = 0, unchanged = 0;
        var added = new List<Known>();
        for (var i = 0; i < subscribers.Count; i++)
        {
            var hash = hashes[i];
            if (suppressed.Contains(hash))
            {
                suppressedCount++;
                continue;
            }

            if (!known.TryGetValue(hash, out var row))
            {
                row = new Known(0, subscribers[i].Name, status) { Hash = hash, Email = subscribers[i].Email.Trim() };
                known[hash] = row;
                added.Add(row);
                continue;
            }

            if (row.Status is not (SubscriberStatus.Pending or SubscriberStatus.Active))
            {
                suppressedCount++;
                continue;
            }

            var newName = subscribers[i].Name ?? row.Name;
            var newStatus = status == SubscriberStatus.Active ? SubscriberStatus.Active : row.Status;
            if (newName == row.Name && newStatus == row.Status)
            {
                unchanged++;
                continue;
            }

            row.Name = newName;
            row.Status = newStatus;
            row.Changed = row.Email is null;
            updated++;
        }

        return (new ImportResult(added.Count, updated, suppressedCount, unchanged, []), added);
    }

    private static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Known> added, SubscriberStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (added.Count == 0)
        {
            return;
        }

        var ids = await PostgresSql.QueryAsync(
            connection,
            transaction,
            """
            INSERT INTO subscribers (email, address_hash, name, status, created, confirmed, changed)
            SELECT u.email, u.hash, u.name, u.status, @t, CASE WHEN u.status = 'active' THEN @t END, @t
            FROM unnest(@email, @hash, @name, @status) WITH ORDINALITY AS u (email, hash, name, status, n)
            ORDER BY u.n
            RETURNING address_hash, id
            """,
            r => (Hash: r.GetString(0), Id: r.GetInt64(1)),
            cancellationToken,
            ("email", added.Select(a => a.Email!).ToArray()),
            ("hash", added.Select(a => a.Hash).ToArray()),
            ("name", added.Select(a => a.Name).ToArray()),
            ("status", added.Select(a => Name(a.Status == SubscriberStatus.Active ? SubscriberStatus.Active : status)).ToArray()),
            ("t", now));
        var byHash = ids.ToDictionary(i => i.Hash, i => i.Id, StringComparer.Ordinal);
        foreach (var a in added)
        {
            a.Id = byHash[a.Hash];
        }
    }

    public async Task<Subscriber?> GetSubscriberAsync(long id, CancellationToken cancellationToken = default) =>
        (await _sql.QueryAsync($"SELECT {SubscriberColumns} FROM subscribers s WHERE s.id = @id", r => ReadSubscriber(r), cancellationToken, ("id", id))).FirstOrDefault();

    public async Task<Subscriber?> FindSubscriberAsync(string email, CancellationToken cancellationToken = default) =>
        (await _sql.QueryAsync($"SELECT {SubscriberColumns} FROM subscribers s WHERE s.address_hash = @h", r => ReadSubscriber(r), cancellationToken, ("h", AddressKey.Hash(email)))).FirstOrDefault();

    public async Task<IReadOnlyList<Subscriber>> ListSubscribersAsync(SubscriberStatus? status = null, long afterId = 0, int limit = int.MaxValue, CancellationToken cancellationToken = default) =>
        await _sql.QueryAsync(
            $"SELECT {SubscriberColumns} FROM subscribers s WHERE (@s::text IS NULL OR s.status = @s::text) AND s.id > @after ORDER BY s.id LIMIT @n",
            r => ReadSubscriber(r),
            cancellationToken,
            ("s", status is null ? null : Name(status.Value)),
            ("after", afterId),
            ("n", limit));

    public async Task<Subscriber?> ConfirmAsync(long id, CancellationToken cancellationToken = default)
    {
        await _sql.ExecuteAsync("UPDATE subscribers SET status = 'active', confirmed = @t, changed = @t WHERE id = @id AND status = 'pending'", cancellationToken, ("t", Now()), ("id", id));
        return await GetSubscriberAsync(id, cancellationToken);
    }

    public async Task<Subscriber?> SuppressAsync(long id, SuppressionReason reason, CancellationToken cancellationToken = default)
    {
        var now = Now();
        await _sql.TransactionAsync(
            async (connection, transaction) =>
            {
                await SuppressSubscriberAsync(connection, transaction, id, reason, now, cancellationToken);
                return 0;
            },
            cancellationToken);
        return await GetSubscriberAsync(id, cancellationToken);
    }

    public async Task SuppressAddressAsync(string email, SuppressionReason reason, CancellationToken cancellationToken = default)
    {
        var hash = AddressKey.Hash(email);
        var now = Now();
        await _sql.TransactionAsync(
            async (connection, transaction) =>
            {
                await PostgresSql.ExecuteAsync(connection, transaction, "INSERT INTO suppressions (address_hash, reason, recorded) VALUES (@h, @r, @t) ON CONFLICT DO NOTHING", cancellationToken, ("h", hash), ("r", Name(reason)), ("t", now));
                await PostgresSql.ExecuteAsync(connection, transaction, "UPDATE subscribers SET status = @s, changed = @t WHERE address_hash = @h", cancellationToken, ("s", Name(StatusOf(reason))), ("t", now), ("h", hash));
                return 0;
            },
            cancellationToken);
    }

    public async Task<Suppression?> GetSuppressionAsync(string email, CancellationToken cancellationToken = default) =>
        (await _sql.QueryAsync("SELECT address_hash, reason, recorded FROM suppressions WHERE address_hash = @h", ReadSuppression, cancellationToken, ("h", AddressKey.Hash(email)))).FirstOrDefault();

    public async Task<IReadOnlyList<Suppression>> ListSuppressionsAsync(CancellationToken cancellationToken = default) =>
        await _sql.QueryAsync("SELECT address_hash, reason, recorded FROM suppressions ORDER BY recorded, address_hash", ReadSuppression, cancellationToken);

    /// <summary>A subscriber as an import sees it: stored (Email null) or added by an earlier line of the same import.</summary>
    private sealed class Known(long id, string? name, SubscriberStatus status)
    {
        public required string Hash { get; init; }

        public string? Email { get; init; }

        public long Id { get; set; } = id;

        public string? Name { get; set; } = name;

        public SubscriberStatus Status { get; set; } = status;

        public bool Changed { get; set; }
    }
}
