using System.Globalization;
using Microsoft.Data.Sqlite;
using Roundup.Curators;

namespace Roundup.Storage.Sqlite;

/// <summary>The curators' accounts in the <c>curators</c> table, on the store's connection.</summary>
public sealed class SqliteCuratorStore : ICuratorStore
{
    private const string Columns = "id, name, password_hash, created, failed_sign_ins, locked_until";
    private readonly SqliteSession _session;
    private readonly TimeProvider _time;

    internal SqliteCuratorStore(SqliteSession session, TimeProvider time)
    {
        _session = session;
        _time = time;
    }

    public async Task<Curator?> AddAsync(string name, string? passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var rows = await _session.QueryAsync(
            $"INSERT INTO curators (name, password_hash, created) VALUES ($n, $p, $c) ON CONFLICT (name) DO NOTHING RETURNING {Columns}",
            Read,
            cancellationToken,
            ("$n", name),
            ("$p", (object?)passwordHash ?? DBNull.Value),
            ("$c", Text(_time.GetUtcNow())));
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<Curator?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        (await _session.QueryAsync($"SELECT {Columns} FROM curators WHERE name = $n", Read, cancellationToken, ("$n", name))).FirstOrDefault();

    public async Task<IReadOnlyList<Curator>> ListAsync(CancellationToken cancellationToken = default) =>
        await _session.QueryAsync($"SELECT {Columns} FROM curators ORDER BY name", Read, cancellationToken);

    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default) =>
        (await _session.QueryAsync("DELETE FROM curators WHERE name = $n RETURNING id", r => r.GetInt64(0), cancellationToken, ("$n", name))).Count > 0;

    public async Task<bool> SetPasswordAsync(string name, string passwordHash, CancellationToken cancellationToken = default) =>
        (await _session.QueryAsync("UPDATE curators SET password_hash = $p WHERE name = $n RETURNING id", r => r.GetInt64(0), cancellationToken, ("$n", name), ("$p", passwordHash))).Count > 0;

    public async Task<bool> SetSignInTokenAsync(string name, string tokenHash, DateTimeOffset expires, CancellationToken cancellationToken = default) =>
        (await _session.QueryAsync(
            "UPDATE curators SET sign_in_token_hash = $h, sign_in_token_expires = $e WHERE name = $n RETURNING id",
            r => r.GetInt64(0),
            cancellationToken,
            ("$n", name),
            ("$h", tokenHash),
            ("$e", Text(expires)))).Count > 0;

    public async Task<Curator?> UseSignInTokenAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var rows = await _session.QueryAsync(
            $"UPDATE curators SET sign_in_token_hash = NULL, sign_in_token_expires = NULL WHERE sign_in_token_hash = $h AND sign_in_token_expires > $now RETURNING {Columns}",
            Read,
            cancellationToken,
            ("$h", tokenHash),
            ("$now", Text(now)));
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<int> RecordFailedSignInAsync(string name, DateTimeOffset? lockUntil, CancellationToken cancellationToken = default)
    {
        var rows = await _session.QueryAsync(
            "UPDATE curators SET failed_sign_ins = failed_sign_ins + 1, locked_until = COALESCE($l, locked_until) WHERE name = $n RETURNING failed_sign_ins",
            r => r.GetInt32(0),
            cancellationToken,
            ("$n", name),
            ("$l", lockUntil is { } l ? Text(l) : DBNull.Value));
        return rows.Count == 0 ? 0 : rows[0];
    }

    public async Task ResetFailedSignInsAsync(string name, CancellationToken cancellationToken = default) =>
        await _session.ScalarAsync("UPDATE curators SET failed_sign_ins = 0, locked_until = NULL WHERE name = $n", cancellationToken, ("$n", name));

    // Fixed-width UTC ISO 8601, so text comparison in SQL is time order.
    private static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static Curator Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.IsDBNull(2) ? null : r.GetString(2),
        DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        r.GetInt32(4),
        r.IsDBNull(5) ? null : DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
}
