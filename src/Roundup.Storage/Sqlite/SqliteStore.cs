using System.Globalization;
using Microsoft.Data.Sqlite;
using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file (<c>roundup.db</c> by default). One connection, used by one operation at a
/// time; every page of a harvest is one transaction.
/// </summary>
public sealed class SqliteStore : IPaperStore, IHarvestStore, IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteStore(SqliteConnection connection, TimeProvider time, string path)
    {
        _connection = connection;
        _time = time;
        Path = path;
        Selection = new SqliteSelectionStore(connection, _gate, time);
        Embeddings = new SqliteEmbeddingStore(connection, _gate);
    }

    /// <summary>The funnel's judgements, stage runs and curator decisions, on the same connection.</summary>
    public SqliteSelectionStore Selection { get; }

    /// <summary>Cached embeddings, on the same connection.</summary>
    public SqliteEmbeddingStore Embeddings { get; }

    public string Path { get; }

    public static async Task<SqliteStore> OpenAsync(string path, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var connection = await SqliteDatabase.OpenAsync(path, cancellationToken);
        return new SqliteStore(connection, time ?? TimeProvider.System, System.IO.Path.GetFullPath(path));
    }

    public async Task SavePageAsync(string source, string checkpointKey, IReadOnlyList<HarvestedPaper> papers, string? nextPosition, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
            using (var writer = new SqlitePageWriter(_connection, transaction, Now()))
            {
                foreach (var harvested in papers)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    writer.Write(source, harvested);
                }

                if (nextPosition is not null)
                {
                    writer.SaveCheckpoint(checkpointKey, nextPosition);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<string?> GetCheckpointAsync(string checkpointKey, CancellationToken cancellationToken = default) =>
        await ScalarAsync("SELECT position FROM harvest_checkpoints WHERE checkpoint_key = $k", cancellationToken, ("$k", checkpointKey)) as string;

    public async Task ClearCheckpointAsync(string checkpointKey, CancellationToken cancellationToken = default) =>
        await ScalarAsync("DELETE FROM harvest_checkpoints WHERE checkpoint_key = $k", cancellationToken, ("$k", checkpointKey));

    public async Task<IReadOnlyList<Sighting>> GetSightingsAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT s.source, s.listing_date, s.paper_id, s.announce_type, p.categories
            FROM sightings s JOIN papers p ON p.id = s.paper_id
            WHERE s.listing_date BETWEEN $first AND $last
            ORDER BY s.listing_date, s.source, s.paper_id
            """;
        return await QueryAsync(sql, r => new Sighting(
            r.GetString(0),
            DateOnly.ParseExact(r.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            ArxivId.Parse(r.GetString(2)),
            AnnounceTypes.Parse(r.GetString(3)),
            PaperRow.SplitCategories(r.GetString(4))), cancellationToken, ("$first", PaperRow.Date(first)!), ("$last", PaperRow.Date(last)!));
    }

    public async Task<Paper?> GetPaperAsync(ArxivId id, CancellationToken cancellationToken = default)
    {
        var versions = await VersionsAsync("WHERE paper_id = $id", cancellationToken, ("$id", id.Canonical));
        var papers = await QueryAsync($"SELECT {PaperRow.Columns} FROM papers WHERE id = $id", r => PaperRow.Read(r, versions.GetValueOrDefault(id.Canonical) ?? []), cancellationToken, ("$id", id.Canonical));
        return papers.Count > 0 ? papers[0] : null;
    }

    public async Task<IReadOnlyList<Paper>> GetPapersAnnouncedAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        (string, object)[] range = [("$first", PaperRow.Date(first)!), ("$last", PaperRow.Date(last)!)];
        var versions = await VersionsAsync("WHERE paper_id IN (SELECT id FROM papers WHERE announced BETWEEN $first AND $last)", cancellationToken, range);
        return await QueryAsync(
            $"SELECT {PaperRow.Columns} FROM papers WHERE announced BETWEEN $first AND $last ORDER BY id",
            r => PaperRow.Read(r, versions.GetValueOrDefault(r.GetString(0)) ?? []),
            cancellationToken,
            range);
    }

    public async Task<int> CountPapersAsync(CancellationToken cancellationToken = default) =>
        Convert.ToInt32(await ScalarAsync("SELECT count(*) FROM papers", cancellationToken), CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _gate.Dispose();
    }

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private async Task<Dictionary<string, List<PaperVersion>>> VersionsAsync(string where, CancellationToken cancellationToken, params (string, object)[] parameters)
    {
        var rows = await QueryAsync(
            $"SELECT paper_id, version, submitted, size FROM paper_versions {where} ORDER BY paper_id, version",
            r => (Id: r.GetString(0), Version: new PaperVersion(r.GetInt32(1), r.IsDBNull(2) ? null : PaperRow.ParseInstant(r.GetString(2)), r.IsDBNull(3) ? null : r.GetString(3))),
            cancellationToken,
            parameters);
        return rows.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Version).ToList(), StringComparer.Ordinal);
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = Command(sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var results = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                results.Add(read(reader));
            }

            return results;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = Command(sql, parameters);
            return await command.ExecuteScalarAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private SqliteCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
