using System.Globalization;
using Microsoft.Data.Sqlite;
using Roundup.Corrections;
using Roundup.Delivery;
using Roundup.Curators;
using Roundup.Harvesting;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Selection;

namespace Roundup.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file (<c>roundup.db</c> by default). One connection, used by one operation at a
/// time, shared by every part; every page of a harvest is one transaction.
/// </summary>
public sealed class SqliteStore : IRoundupStore, IPaperStore, IHarvestStore
{
    private readonly SqliteSession _session;
    private readonly TimeProvider _time;

    private SqliteStore(SqliteSession session, TimeProvider time, string path)
    {
        _session = session;
        _time = time;
        Path = path;
        Selection = new SqliteSelectionStore(_session, time);
        Embeddings = new SqliteEmbeddingStore(_session);
        Issues = new SqliteIssueStore(_session, time);
        var delivery = new SqliteDeliveryStore(_session, time);
        Subscribers = delivery;
        Outbox = delivery;
        Curators = new SqliteCuratorStore(_session, time);
        Corrections = new SqliteCorrectionStore(_session);
    }

    public IPaperStore Papers => this;

    public IHarvestStore Harvest => this;

    /// <summary>The funnel's judgements, stage runs and curator decisions, on the same connection.</summary>
    public ISelectionStore Selection { get; }

    /// <summary>Cached embeddings, on the same connection.</summary>
    public IEmbeddingStore Embeddings { get; }

    /// <summary>Every version of every issue, on the same connection.</summary>
    public IIssueStore Issues { get; }

    /// <summary>Subscribers and suppressions, on the same connection.</summary>
    public ISubscriberStore Subscribers { get; }

    /// <summary>The outbox, on the same connection.</summary>
    public IOutboxStore Outbox { get; }

    /// <summary>The sender lock: a file beside the database (see <see cref="SqliteDeliveryStore"/>).</summary>
    /// <summary>The curators who may sign in to the desk, on the same connection.</summary>
    public ICuratorStore Curators { get; }

    /// <summary>Readers' suggested corrections, on the same connection.</summary>
    public ICorrectionStore Corrections { get; }

    public string Path { get; }

    public static async Task<SqliteStore> OpenAsync(string path, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
#pragma warning disable CA2000 // the session owns the connection and the store owns the session; neither constructor can throw
        var connection = await SqliteDatabase.OpenAsync(path, cancellationToken);
        return new SqliteStore(new SqliteSession(connection), time ?? TimeProvider.System, System.IO.Path.GetFullPath(path));
#pragma warning restore CA2000
    }

    public async Task SavePageAsync(string source, string checkpointKey, IReadOnlyList<HarvestedPaper> papers, string? nextPosition, CancellationToken cancellationToken = default)
    {
        await _session.ExclusiveAsync(async () =>
        {
            await using var transaction = (SqliteTransaction)await _session.Connection.BeginTransactionAsync(cancellationToken);
            var now = Now();
            if (papers.Count > 0)
            {
                SqliteBulkLoad.StartIfEmpty(_session.Connection, transaction, checkpointKey, now);
            }

            using (var writer = new SqlitePageWriter(_session.Connection, transaction, now))
            {
                writer.WritePage(source, papers, cancellationToken);

                if (nextPosition is not null)
                {
                    writer.SaveCheckpoint(checkpointKey, nextPosition);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
    }

    public async Task<string?> GetCheckpointAsync(string checkpointKey, CancellationToken cancellationToken = default) =>
        await _session.ScalarAsync("SELECT position FROM harvest_checkpoints WHERE checkpoint_key = $k", cancellationToken, ("$k", checkpointKey)) as string;

    /// <summary>Ends a bulk load if one is under way (see <see cref="SqliteBulkLoad"/>), then forgets the checkpoint.</summary>
    public async Task ClearCheckpointAsync(string checkpointKey, CancellationToken cancellationToken = default)
    {
        await _session.ExclusiveAsync(() => SqliteBulkLoad.FinishAsync(_session.Connection, cancellationToken), cancellationToken);
        await _session.ScalarAsync("DELETE FROM harvest_checkpoints WHERE checkpoint_key = $k", cancellationToken, ("$k", checkpointKey));
    }

    public async Task<IReadOnlyList<Sighting>> GetSightingsAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT s.source, s.listing_date, s.paper_id, s.announce_type, p.categories
            FROM sightings s JOIN papers p ON p.id = s.paper_id
            WHERE s.listing_date BETWEEN $first AND $last
            ORDER BY s.listing_date, s.source, s.paper_id
            """;
        return await _session.QueryAsync(sql, r => new Sighting(
            r.GetString(0),
            DateOnly.ParseExact(r.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            ArxivId.Parse(r.GetString(2)),
            AnnounceTypes.Parse(r.GetString(3)),
            PaperRow.SplitCategories(r.GetString(4))), cancellationToken, ("$first", PaperRow.Date(first)!), ("$last", PaperRow.Date(last)!));
    }

    public async Task<Paper?> GetPaperAsync(ArxivId id, CancellationToken cancellationToken = default)
    {
        var versions = await VersionsAsync("WHERE paper_id = $id", cancellationToken, ("$id", id.Canonical));
        var papers = await _session.QueryAsync($"SELECT {PaperRow.Columns} FROM papers WHERE id = $id", r => PaperRow.Read(r, versions.GetValueOrDefault(id.Canonical) ?? []), cancellationToken, ("$id", id.Canonical));
        return papers.Count > 0 ? papers[0] : null;
    }

    public async Task<IReadOnlyList<Paper>> GetPapersAnnouncedAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        (string, object)[] range = [("$first", PaperRow.Date(first)!), ("$last", PaperRow.Date(last)!)];
        var versions = await VersionsAsync("WHERE paper_id IN (SELECT id FROM papers WHERE announced BETWEEN $first AND $last)", cancellationToken, range);
        return await _session.QueryAsync(
            $"SELECT {PaperRow.Columns} FROM papers WHERE announced BETWEEN $first AND $last ORDER BY id",
            r => PaperRow.Read(r, versions.GetValueOrDefault(r.GetString(0)) ?? []),
            cancellationToken,
            range);
    }

    public async Task<int> CountPapersAsync(CancellationToken cancellationToken = default) =>
        Convert.ToInt32(await _session.ScalarAsync("SELECT count(*) FROM papers", cancellationToken), CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync()
    {
        _session.Dispose();
        return ValueTask.CompletedTask;
    }

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private async Task<Dictionary<string, List<PaperVersion>>> VersionsAsync(string where, CancellationToken cancellationToken, params (string, object)[] parameters)
    {
        var rows = await _session.QueryAsync(
            $"SELECT paper_id, version, submitted, size FROM paper_versions {where} ORDER BY paper_id, version",
            r => (Id: r.GetString(0), Version: new PaperVersion(r.GetInt32(1), r.IsDBNull(2) ? null : PaperRow.ParseInstant(r.GetString(2)), r.IsDBNull(3) ? null : r.GetString(3))),
            cancellationToken,
            parameters);
        return rows.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Version).ToList(), StringComparer.Ordinal);
    }
}
