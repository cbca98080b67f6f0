using Npgsql;
using Roundup.Curators;

namespace Roundup.Storage.Postgres;

/// <summary>The curators' accounts in the <c>curators</c> table; names are matched whatever their case (a unique index on lower(name)).</summary>
public sealed class PostgresCuratorStore : ICuratorStore
{
    private const string Columns = "id, name, password_hash, created, failed_sign_ins, locked_until";
    private readonly PostgresSql _sql;
    private readonly TimeProvider _time;

    internal PostgresCuratorStore(PostgresSql sql, TimeProvider time)
    {
        _sql = sql;
        _time = time;
    }

    public async Task<Curator?> AddAsync(string name, string? passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var rows = await _sql.QueryAsync(
            $"INSERT INTO curators (name, password_hash, created) VALUES (@n, @p, @c) ON CONFLICT ((lower(name))) DO NOTHING RETURNING {Columns}",
            Read,
            cancellationToken,
            ("n", name),
            ("p", passwordHash),
            ("c", PostgresSql.Utc(_time.GetUtcNow())));
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<Curator?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        (await _sql.QueryAsync($"SELECT {Columns} FROM curators WHERE lower(name) = lower(@n)", Read, cancellationToken, ("n", name))).FirstOrDefault();

    public async Task<IReadOnlyList<Curator>> ListAsync(CancellationToken cancellationToken = default) =>
        await _sql.QueryAsync($"SELECT {Columns} FROM curators ORDER BY lower(name) COLLATE \"C\"", Read, cancellationToken);

    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default) =>
        await _sql.ExecuteAsync("DELETE FROM curators WHERE lower(name) = lower(@n)", cancellationToken, ("n", name)) > 0;

    public async Task<bool> SetPasswordAsync(string name, string passwordHash, CancellationToken cancellationToken = default) =>
        await _sql.ExecuteAsync("UPDATE curators SET password_hash = @p WHERE lower(name) = lower(@n)", cancellationToken, ("n", name), ("p", passwordHash)) > 0;

    public async Task<bool> SetSignInTokenAsync(string name, string tokenHash, DateTimeOffset expires, CancellationToken cancellationToken = default) =>
        await _sql.ExecuteAsync(
            "UPDATE curators SET sign_in_token_hash = @h, sign_in_token_expires = @e WHERE lower(name) = lower(@n)",
            cancellationToken,
            ("n", name),
            ("h", tokenHash),
            ("e", PostgresSql.Utc(expires))) > 0;

    public async Task<Curator?> UseSignInTokenAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        // One statement: of two requests with the same token, the second finds it gone.
        var rows = await _sql.QueryAsync(
            $"UPDATE curators SET sign_in_token_hash = NULL, sign_in_token_expires = NULL WHERE sign_in_token_hash = @h AND sign_in_token_expires > @now RETURNING {Columns}",
            Read,
            cancellationToken,
            ("h", tokenHash),
            ("now", PostgresSql.Utc(now)));
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<int> RecordFailedSignInAsync(string name, DateTimeOffset? lockUntil, CancellationToken cancellationToken = default)
    {
        var rows = await _sql.QueryAsync(
            "UPDATE curators SET failed_sign_ins = failed_sign_ins + 1, locked_until = coalesce(@l, locked_until) WHERE lower(name) = lower(@n) RETURNING failed_sign_ins",
            r => r.GetInt32(0),
            cancellationToken,
            ("n", name),
            ("l", PostgresSql.Utc(lockUntil)));
        return rows.Count == 0 ? 0 : rows[0];
    }

    public async Task ResetFailedSignInsAsync(string name, CancellationToken cancellationToken = default) =>
        await _sql.ExecuteAsync("UPDATE curators SET failed_sign_ins = 0, locked_until = NULL WHERE lower(name) = lower(@n)", cancellationToken, ("n", name));

    private static Curator Read(NpgsqlDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.IsDBNull(2) ? null : r.GetString(2),
        r.GetFieldValue<DateTimeOffset>(3),
        r.GetInt32(4),
        r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5));
}
