using System.Globalization;
using System.Text.Json;
using Roundup.Calendar;
using Roundup.Issues;

namespace Roundup.Storage.Sqlite;

/// <summary>Issues as JSON, one row per saved version; reads return the latest version.</summary>
public sealed class SqliteIssueStore : IIssueStore
{
    private readonly SqliteSession _session;
    private readonly TimeProvider _time;

    internal SqliteIssueStore(SqliteSession session, TimeProvider time)
    {
        _session = session;
        _time = time;
    }

    public async Task<Issue?> GetAsync(IssueWeek week, CancellationToken cancellationToken = default)
    {
        var rows = await _session.QueryAsync(
            "SELECT body FROM issues WHERE week = $w ORDER BY version DESC LIMIT 1",
            r => r.GetString(0),
            cancellationToken,
            ("$w", week.ToString()));
        return rows.Count == 0 ? null : Read(rows[0], week.ToString());
    }

    public async Task SaveAsync(Issue issue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var week = issue.Week.ToString();
        await _session.ExclusiveAsync(
            async () =>
            {
                await using var transaction = await _session.Connection.BeginTransactionAsync(cancellationToken);
                await using var latest = _session.Command("SELECT COALESCE(MAX(version), 0) FROM issues WHERE week = $w", ("$w", week));
                latest.Transaction = (Microsoft.Data.Sqlite.SqliteTransaction)transaction;
                var stored = Convert.ToInt32(await latest.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                if (issue.Version != stored + 1)
                {
                    throw new StoreException($"issue {week}: version {issue.Version} cannot follow stored version {stored} (someone else saved it meanwhile?)");
                }

                await using var insert = _session.Command(
                    "INSERT INTO issues (week, version, status, saved_at, body) VALUES ($w, $v, $s, $t, $b)",
                    ("$w", week),
                    ("$v", issue.Version),
                    ("$s", issue.Status.ToString()),
                    ("$t", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)),
                    ("$b", JsonSerializer.Serialize(issue, IssueJson.Default.Issue)));
                insert.Transaction = (Microsoft.Data.Sqlite.SqliteTransaction)transaction;
                await insert.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<Issue>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await _session.QueryAsync(
            """
            SELECT i.week, i.body FROM issues i
            JOIN (SELECT week, MAX(version) AS version FROM issues GROUP BY week) latest
              ON latest.week = i.week AND latest.version = i.version
            ORDER BY i.week DESC
            """,
            r => (Week: r.GetString(0), Body: r.GetString(1)),
            cancellationToken);
        return rows.Select(r => Read(r.Body, r.Week)).ToList();
    }

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
