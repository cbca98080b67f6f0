using Npgsql;
using Roundup.Corrections;
using Roundup.Curators;
using Roundup.Delivery;
using Roundup.Harvesting;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Selection;

namespace Roundup.Storage.Postgres;

/// <summary>
/// The shared store: a PostgreSQL database that several processes, on one machine or several, use at once. Every
/// call takes a pooled connection of its own; what SQLite got from being the only writer is here a transaction, a
/// row lock or an advisory lock (see <see cref="PostgresLocks"/>).
/// </summary>
public sealed class PostgresStore : IRoundupStore, IPaperStore, IHarvestStore
{
    private readonly NpgsqlDataSource _source;
    private readonly PostgresSql _sql;
    private readonly TimeProvider _time;

    private PostgresStore(NpgsqlDataSource source, TimeProvider time)
    {
        _source = source;
        _sql = new PostgresSql(source);
        _time = time;
        Selection = new PostgresSelectionStore(_sql, time);
        Embeddings = new PostgresEmbeddingStore(source);
        Issues = new PostgresIssueStore(_sql, time);
        var delivery = new PostgresDeliveryStore(_sql, time);
        Subscribers = delivery;
        Outbox = delivery;
        Curators = new PostgresCuratorStore(_sql, time);
        Corrections = new PostgresCorrectionStore(_sql);
    }

    public IPaperStore Papers => this;

    public IHarvestStore Harvest => this;

    public ISelectionStore Selection { get; }

    public IEmbeddingStore Embeddings { get; }

    public IIssueStore Issues { get; }

    public ISubscriberStore Subscribers { get; }

    public IOutboxStore Outbox { get; }

    /// <summary>A PostgreSQL advisory lock held on a connection of its own; the server lets go of it when that connection ends.</summary>

    public ICuratorStore Curators { get; }

    public ICorrectionStore Corrections { get; }

    /// <summary>Connects, migrates (once, whoever else is starting), and returns the store; a <see cref="StoreException"/> names what failed.</summary>
    public static async Task<PostgresStore> OpenAsync(string connectionString, TimeProvider? time = null, CancellationToken cancellationToken = default) =>
        new(await PostgresDatabase.OpenAsync(connectionString, cancellationToken), time ?? TimeProvider.System);

    public async Task SavePageAsync(string source, string checkpointKey, IReadOnlyList<HarvestedPaper> papers, string? nextPosition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(papers);
        var now = PostgresSql.Utc(_time.GetUtcNow());
        await _sql.TransactionAsync(
            async (connection, transaction) =>
            {
                await PostgresSql.LockAsync(connection, transaction, PostgresLocks.Harvest, cancellationToken);

                // A page and its checkpoint commit together, so a crash that loses the last commits loses pages
                // and their checkpoints alike, and the harvest resumes from the last one kept: waiting for the WAL
                // flush buys nothing here.
                await PostgresSql.ExecuteAsync(connection, transaction, "SET LOCAL synchronous_commit = off", cancellationToken);
                await PostgresPageWriter.WriteAsync(connection, transaction, source, papers, now, cancellationToken);
                if (nextPosition is not null)
                {
                    await PostgresSql.ExecuteAsync(
                        connection,
                        transaction,
                        """
                        INSERT INTO harvest_checkpoints (checkpoint_key, position, updated_at) VALUES (@k, @p, @t)
                        ON CONFLICT (checkpoint_key) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
                        """,
                        cancellationToken,
                        ("k", checkpointKey),
                        ("p", nextPosition),
                        ("t", now));
                }

                return 0;
            },
            cancellationToken);
    }

    public async Task<string?> GetCheckpointAsync(string checkpointKey, CancellationToken cancellationToken = default) =>
        await _sql.ScalarAsync("SELECT position FROM harvest_checkpoints WHERE checkpoint_key = @k", cancellationToken, ("k", checkpointKey)) as string;

    public async Task ClearCheckpointAsync(string checkpointKey, CancellationToken cancellationToken = default) =>
        await _sql.ExecuteAsync("DELETE FROM harvest_checkpoints WHERE checkpoint_key = @k", cancellationToken, ("k", checkpointKey));

    public async Task<IReadOnlyList<Sighting>> GetSightingsAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken = default) =>
        await _sql.QueryAsync(
            """
            SELECT s.source, s.listing_date, s.paper_id, s.announce_type, p.categories
            FROM sightings s JOIN papers p ON p.id = s.paper_id
            WHERE s.listing_date BETWEEN @first AND @last
            ORDER BY s.listing_date, s.source COLLATE "C", s.paper_id COLLATE "C"
            """,
            r => new Sighting(r.GetString(0), r.GetFieldValue<DateOnly>(1), ArxivId.Parse(r.GetString(2)), AnnounceTypes.Parse(r.GetString(3)), r.GetFieldValue<string[]>(4)),
            cancellationToken,
            ("first", first),
            ("last", last));

    public async Task<Paper?> GetPaperAsync(ArxivId id, CancellationToken cancellationToken = default)
    {
        var versions = await VersionsAsync("WHERE paper_id = @id", cancellationToken, ("id", id.Canonical));
        var papers = await _sql.QueryAsync($"SELECT {PostgresPaperRow.Columns} FROM papers WHERE id = @id", r => PostgresPaperRow.Read(r, versions.GetValueOrDefault(id.Canonical) ?? []), cancellationToken, ("id", id.Canonical));
        return papers.Count > 0 ? papers[0] : null;
    }

    public async Task<IReadOnlyList<Paper>> GetPapersAnnouncedAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        // One snapshot for both reads, so a page stored meanwhile by another process is seen whole or not at all.
        return await _sql.TransactionAsync(
            async (connection, transaction) =>
            {
                await PostgresSql.ExecuteAsync(connection, transaction, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", cancellationToken);
                var versions = await VersionsAsync(connection, transaction, "WHERE paper_id IN (SELECT id FROM papers WHERE announced BETWEEN @first AND @last)", cancellationToken, ("first", first), ("last", last));
                return await PostgresSql.QueryAsync(
                    connection,
                    transaction,
                    $"SELECT {PostgresPaperRow.Columns} FROM papers WHERE announced BETWEEN @first AND @last ORDER BY id COLLATE \"C\"",
                    r => PostgresPaperRow.Read(r, versions.GetValueOrDefault(r.GetString(0)) ?? []),
                    cancellationToken,
                    ("first", first),
                    ("last", last));
            },
            cancellationToken);
    }

    public async Task<int> CountPapersAsync(CancellationToken cancellationToken = default) =>
        Convert.ToInt32(await _sql.ScalarAsync("SELECT count(*) FROM papers", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync() => await _source.DisposeAsync();

    private async Task<Dictionary<string, List<PaperVersion>>> VersionsAsync(string where, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        return await VersionsAsync(connection, null, where, cancellationToken, parameters);
    }

    private static async Task<Dictionary<string, List<PaperVersion>>> VersionsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string where, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        var rows = await PostgresSql.QueryAsync(
            connection,
            transaction,
            $"SELECT paper_id, version, submitted, size FROM paper_versions {where} ORDER BY paper_id, version",
            r => (Id: r.GetString(0), Version: new PaperVersion(r.GetInt32(1), r.IsDBNull(2) ? null : r.GetFieldValue<DateTimeOffset>(2), r.IsDBNull(3) ? null : r.GetString(3))),
            cancellationToken,
            parameters);
        return rows.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Version).ToList(), StringComparer.Ordinal);
    }
}
