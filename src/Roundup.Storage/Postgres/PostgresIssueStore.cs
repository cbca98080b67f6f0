using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Roundup.Calendar;
using Roundup.Issues;

namespace Roundup.Storage.Postgres;

/// <summary>Issues as JSON, one row per saved version; reads return the latest version.</summary>
public sealed class PostgresIssueStore : IIssueStore
{
    private readonly PostgresSql _sql;
    private readonly TimeProvider _time;

    internal PostgresIssueStore(PostgresSql sql, TimeProvider time)
    {
        _sql = sql;
        _time = time;
    }

    public async Task<Issue?> GetAsync(IssueWeek week, CancellationToken cancellationToken = default)
    {
        var rows = await _sql.QueryAsync("SELECT body::text FROM issues WHERE week = @w ORDER BY version DESC LIMIT 1", r => r.GetString(0), cancellationToken, ("w", week.ToString()));
        return rows.Count == 0 ? null : Read(rows[0], week.ToString());
    }

    public async Task SaveAsync(Issue issue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var week = issue.Week.ToString();
        try
        {
            await _sql.TransactionAsync(
                async (connection, transaction) =>
                {
                    var stored = Convert.ToInt32(await PostgresSql.ScalarAsync(connection, transaction, "SELECT coalesce(max(version), 0) FROM issues WHERE week = @w", cancellationToken, ("w", week)), System.Globalization.CultureInfo.InvariantCulture);
                    if (issue.Version != stored + 1)
                    {
                        throw Conflict(week, issue.Version, stored);
                    }

                    await using var insert = PostgresSql.Command(
                        connection,
                        transaction,
                        "INSERT INTO issues (week, version, status, saved_at, body) VALUES (@w, @v, @s, @t, @b)",
                        ("w", week),
                        ("v", issue.Version),
                        ("s", issue.Status.ToString()),
                        ("t", PostgresSql.Utc(_time.GetUtcNow())));
                    insert.Parameters.Add(new NpgsqlParameter("b", NpgsqlDbType.Json) { Value = JsonSerializer.Serialize(issue, IssueJson.Default.Issue) });
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                    return 0;
                },
                cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another process saved the same version between our read and our insert.
            throw Conflict(week, issue.Version, issue.Version);
        }
    }

    public async Task<IReadOnlyList<Issue>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await _sql.QueryAsync(
            "SELECT DISTINCT ON (week) week, body::text FROM issues ORDER BY week DESC, version DESC",
            r => (Week: r.GetString(0), Body: r.GetString(1)),
            cancellationToken);
        return rows.Select(r => Read(r.Body, r.Week)).ToList();
    }

    private static StoreException Conflict(string week, int version, int stored) =>
        new($"issue {week}: version {version} cannot follow stored version {stored} (someone else saved it meanwhile?)");

    private static Issue Read(string body, string week)
    {
        try
        {
            return JsonSerializer.Deserialize(body, IssueJson.Default.Issue)
                ?? throw new StoreException($"issue {week}: the stored body is empty");
        }
        catch (JsonException e)
        {
            throw new StoreException($"issue {week}: the stored body cannot be read ({e.Message})", e);
        }
    }
}
