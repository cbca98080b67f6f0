using Npgsql;
using Roundup.Calendar;
using Roundup.Corrections;
using Roundup.Papers;

namespace Roundup.Storage.Postgres;

/// <summary>Readers' suggested corrections in the <c>correction_suggestions</c> table; each decision is one statement, so it is taken once.</summary>
public sealed class PostgresCorrectionStore : ICorrectionStore
{
    private const string Columns = CorrectionSpelling.Columns;
    private readonly PostgresSql _sql;

    internal PostgresCorrectionStore(PostgresSql sql) => _sql = sql;

    public async Task<CorrectionSuggestion> AddAsync(IssueWeek week, ArxivId? paper, string text, string? contact, DateTimeOffset received, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var rows = await _sql.QueryAsync(
            $"INSERT INTO correction_suggestions (week, paper_id, text, contact, received) VALUES (@w, @p, @t, @c, @r) RETURNING {Columns}",
            Read,
            cancellationToken,
            ("w", week.ToString()),
            ("p", paper?.Canonical),
            ("t", text),
            ("c", contact),
            ("r", PostgresSql.Utc(received)));
        return rows[0];
    }

    public async Task<CorrectionSuggestion?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        (await _sql.QueryAsync($"SELECT {Columns} FROM correction_suggestions WHERE id = @id", Read, cancellationToken, ("id", id))).FirstOrDefault();

    public async Task<IReadOnlyList<CorrectionSuggestion>> ListAsync(SuggestionStatus status, int limit, CancellationToken cancellationToken = default)
    {
        var order = status == SuggestionStatus.Pending ? "received, id" : "decided DESC, id DESC";
        return await _sql.QueryAsync(
            $"SELECT {Columns} FROM correction_suggestions WHERE status = @s ORDER BY {order} LIMIT @l",
            Read,
            cancellationToken,
            ("s", CorrectionSpelling.Name(status)),
            ("l", Math.Max(0, limit)));
    }

    public async Task<int> CountAsync(SuggestionStatus status, CancellationToken cancellationToken = default) =>
        Convert.ToInt32(await _sql.ScalarAsync("SELECT count(*) FROM correction_suggestions WHERE status = @s", cancellationToken, ("s", CorrectionSpelling.Name(status))), System.Globalization.CultureInfo.InvariantCulture);

    public async Task<CorrectionSuggestion?> DecideAsync(long id, SuggestionStatus status, string curator, DateTimeOffset decided, CancellationToken cancellationToken = default)
    {
        if (status == SuggestionStatus.Pending)
        {
            throw new ArgumentException("a suggestion is decided as published or rejected", nameof(status));
        }

        var rows = await _sql.QueryAsync(
            $"UPDATE correction_suggestions SET status = @s, decided = @d, decided_by = @by WHERE id = @id AND status = 'pending' RETURNING {Columns}",
            Read,
            cancellationToken,
            ("id", id),
            ("s", CorrectionSpelling.Name(status)),
            ("d", PostgresSql.Utc(decided)),
            ("by", curator));
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<bool> SetErratumAsync(long id, int erratum, CancellationToken cancellationToken = default) =>
        await _sql.ExecuteAsync("UPDATE correction_suggestions SET erratum = @e WHERE id = @id AND status = 'published' AND erratum IS NULL", cancellationToken, ("id", id), ("e", erratum)) > 0;

    public async Task<bool> ReopenAsync(long id, CancellationToken cancellationToken = default) =>
        await _sql.ExecuteAsync("UPDATE correction_suggestions SET status = 'pending', decided = NULL, decided_by = NULL WHERE id = @id AND status <> 'pending' AND erratum IS NULL", cancellationToken, ("id", id)) > 0;

    private static CorrectionSuggestion Read(NpgsqlDataReader r) => new(
        r.GetInt64(0),
        IssueWeek.Parse(r.GetString(1)),
        r.IsDBNull(2) ? null : ArxivId.Parse(r.GetString(2)),
        r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        r.GetFieldValue<DateTimeOffset>(5),
        CorrectionSpelling.Status(r.GetString(6)),
        r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7),
        r.IsDBNull(8) ? null : r.GetString(8),
        r.IsDBNull(9) ? null : r.GetInt32(9));
}
