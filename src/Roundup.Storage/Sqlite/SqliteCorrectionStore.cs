using System.Globalization;
using Microsoft.Data.Sqlite;
using Roundup.Calendar;
using Roundup.Corrections;
using Roundup.Papers;

namespace Roundup.Storage.Sqlite;

/// <summary>Readers' suggested corrections in the <c>correction_suggestions</c> table, on the store's connection.</summary>
public sealed class SqliteCorrectionStore : ICorrectionStore
{
    private const string Columns = CorrectionSpelling.Columns;
    private readonly SqliteSession _session;

    internal SqliteCorrectionStore(SqliteSession session)
    {
        _session = session;
    }

    public async Task<CorrectionSuggestion> AddAsync(IssueWeek week, ArxivId? paper, string text, string? contact, DateTimeOffset received, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var rows = await _session.QueryAsync(
            $"INSERT INTO correction_suggestions (week, paper_id, text, contact, received) VALUES ($w, $p, $t, $c, $r) RETURNING {Columns}",
            Read,
            cancellationToken,
            ("$w", week.ToString()),
            ("$p", (object?)paper?.Canonical ?? DBNull.Value),
            ("$t", text),
            ("$c", (object?)contact ?? DBNull.Value),
            ("$r", Text(received)));
        return rows[0];
    }

    public async Task<CorrectionSuggestion?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        (await _session.QueryAsync($"SELECT {Columns} FROM correction_suggestions WHERE id = $id", Read, cancellationToken, ("$id", id))).FirstOrDefault();

    public async Task<IReadOnlyList<CorrectionSuggestion>> ListAsync(SuggestionStatus status, int limit, CancellationToken cancellationToken = default)
    {
        var order = status == SuggestionStatus.Pending ? "received, id" : "decided DESC, id DESC";
        return await _session.QueryAsync(
            $"SELECT {Columns} FROM correction_suggestions WHERE status = $s ORDER BY {order} LIMIT $l",
            Read,
            cancellationToken,
            ("$s", CorrectionSpelling.Name(status)),
            ("$l", Math.Max(0, limit)));
    }

    public async Task<int> CountAsync(SuggestionStatus status, CancellationToken cancellationToken = default) =>
        Convert.ToInt32(await _session.ScalarAsync("SELECT count(*) FROM correction_suggestions WHERE status = $s", cancellationToken, ("$s", CorrectionSpelling.Name(status))), CultureInfo.InvariantCulture);

    public async Task<CorrectionSuggestion?> DecideAsync(long id, SuggestionStatus status, string curator, DateTimeOffset decided, CancellationToken cancellationToken = default)
    {
        if (status == SuggestionStatus.Pending)
        {
            throw new ArgumentException("a suggestion is decided as published or rejected", nameof(status));
        }

        var rows = await _session.QueryAsync(
            $"UPDATE correction_suggestions SET status = $s, decided = $d, decided_by = $by WHERE id = $id AND status = 'pending' RETURNING {Columns}",
            Read,
            cancellationToken,
            ("$id", id),
            ("$s", CorrectionSpelling.Name(status)),
            ("$d", Text(decided)),
            ("$by", curator));
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<bool> SetErratumAsync(long id, int erratum, CancellationToken cancellationToken = default) =>
        (await _session.QueryAsync(
            "UPDATE correction_suggestions SET erratum = $e WHERE id = $id AND status = 'published' AND erratum IS NULL RETURNING id",
            r => r.GetInt64(0),
            cancellationToken,
            ("$id", id),
            ("$e", erratum))).Count > 0;

    public async Task<bool> ReopenAsync(long id, CancellationToken cancellationToken = default) =>
        (await _session.QueryAsync(
            "UPDATE correction_suggestions SET status = 'pending', decided = NULL, decided_by = NULL WHERE id = $id AND status <> 'pending' AND erratum IS NULL RETURNING id",
            r => r.GetInt64(0),
            cancellationToken,
            ("$id", id))).Count > 0;

    // Fixed-width UTC ISO 8601, so text comparison in SQL is time order.
    private static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static CorrectionSuggestion Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        IssueWeek.Parse(r.GetString(1)),
        r.IsDBNull(2) ? null : ArxivId.Parse(r.GetString(2)),
        r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        Time(r.GetString(5)),
        CorrectionSpelling.Status(r.GetString(6)),
        r.IsDBNull(7) ? null : Time(r.GetString(7)),
        r.IsDBNull(8) ? null : r.GetString(8),
        r.IsDBNull(9) ? null : r.GetInt32(9));
}
