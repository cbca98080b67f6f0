using Microsoft.Data.Sqlite;
using Roundup.Harvesting;
using Roundup.Papers;
using Roundup.Storage.Sqlite;
using Roundup.Storage.Tests.Contract;
using Roundup.Testing;

namespace Roundup.Storage.Tests.Sqlite;

/// <summary>
/// The first load into a store without papers runs without the listing-date indexes and builds them at its end:
/// interrupted and rerun, it ends with the same rows and indexes as a load that was not; on a store that already has
/// papers the indexes stay all along.
/// </summary>
public sealed class SqliteBulkLoadTests : IDisposable
{
    private const string Key = "snapshot:test";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_load_into_an_empty_store_runs_without_the_listing_date_indexes_and_ends_with_them()
    {
        var path = _dir.File("bulk.db");
        var expected = await IndexesOfAFreshStoreAsync();
        await using var store = await SqliteStore.OpenAsync(path);
        var pages = Pages();

        await store.SavePageAsync("snapshot", Key, pages[0], "after-0", TestContext.Current.CancellationToken);
        Assert.Empty(Dump(path, IndexQuery + " AND tbl_name IN ('papers', 'sightings')"));
        Assert.Equal([Key], Dump(path, "SELECT checkpoint_key FROM bulk_loads"));

        for (var i = 1; i < pages.Count; i++)
        {
            await store.SavePageAsync("snapshot", Key, pages[i], i < pages.Count - 1 ? $"after-{i}" : null, TestContext.Current.CancellationToken);
        }

        await store.ClearCheckpointAsync(Key, TestContext.Current.CancellationToken);
        Assert.Equal(expected, Dump(path, IndexQuery));
        Assert.Empty(Dump(path, "SELECT checkpoint_key FROM bulk_loads"));
        Assert.Equal(2, (await store.GetPapersAnnouncedAsync(new DateOnly(2025, 6, 23), new DateOnly(2025, 6, 23), TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task A_bulk_load_killed_midway_and_rerun_ends_with_the_same_rows_as_one_that_was_not()
    {
        var whole = _dir.File("whole.db");
        await using (var store = await SqliteStore.OpenAsync(whole))
        {
            await LoadAsync(store, Pages(), from: 0);
        }

        var interrupted = _dir.File("interrupted.db");
        var pages = Pages();
        await using (var store = await SqliteStore.OpenAsync(interrupted))
        {
            await store.SavePageAsync("snapshot", Key, pages[0], "1", TestContext.Current.CancellationToken);
            await store.SavePageAsync("snapshot", Key, pages[1], "2", TestContext.Current.CancellationToken);
            await Assert.ThrowsAsync<IOException>(() => store.SavePageAsync("snapshot", Key, new CrashingList(pages[2], crashAt: 1), "3", TestContext.Current.CancellationToken));
        }

        await using (var store = await SqliteStore.OpenAsync(interrupted))
        {
            var resumeAt = int.Parse((await store.GetCheckpointAsync(Key, TestContext.Current.CancellationToken))!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(2, resumeAt);
            await LoadAsync(store, pages, from: resumeAt);
        }

        foreach (var query in RowQueries)
        {
            Assert.Equal(Dump(whole, query), Dump(interrupted, query));
        }

        Assert.Equal(Dump(whole, IndexQuery), Dump(interrupted, IndexQuery));
        Assert.Equal(await IndexesOfAFreshStoreAsync(), Dump(interrupted, IndexQuery));
    }

    [Fact]
    public async Task A_store_that_already_has_papers_keeps_its_indexes_throughout_a_load()
    {
        var path = _dir.File("kept.db");
        var expected = await IndexesOfAFreshStoreAsync();
        await using var store = await SqliteStore.OpenAsync(path);
        await store.SavePageAsync("listing", "listing:k", [Harvested("2506.00009", 1, new DateOnly(2025, 6, 23))], null, TestContext.Current.CancellationToken);
        await store.ClearCheckpointAsync("listing:k", TestContext.Current.CancellationToken);

        var pages = Pages();
        await store.SavePageAsync("snapshot", Key, pages[0], "1", TestContext.Current.CancellationToken);

        Assert.Equal(expected, Dump(path, IndexQuery));
        Assert.Empty(Dump(path, "SELECT checkpoint_key FROM bulk_loads"));
    }

    private const string IndexQuery = "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL";

    private static readonly string[] RowQueries =
    [
        "SELECT id, version, title, abstract, authors, categories, comment, journal_ref, doi, license, submitted, announced, announce_type FROM papers ORDER BY id",
        "SELECT paper_id, version, submitted, size FROM paper_versions ORDER BY paper_id, version",
        "SELECT source, listing_date, paper_id, announce_type FROM sightings ORDER BY source, listing_date, paper_id",
        "SELECT checkpoint_key, position FROM harvest_checkpoints ORDER BY checkpoint_key",
    ];

    private static async Task LoadAsync(SqliteStore store, List<IReadOnlyList<HarvestedPaper>> pages, int from)
    {
        for (var i = from; i < pages.Count; i++)
        {
            await store.SavePageAsync("snapshot", Key, pages[i], i < pages.Count - 1 ? $"{i + 1}" : null, TestContext.Current.CancellationToken);
        }

        await store.ClearCheckpointAsync(Key, TestContext.Current.CancellationToken);
    }

    // Four pages; 2506.00001 comes back as v2 in a later page and 2506.00004 twice in one page, so merging is exercised.
    private static List<IReadOnlyList<HarvestedPaper>> Pages() =>
    [
        [Harvested("2506.00001", 1, new DateOnly(2025, 6, 23)), Harvested("2506.00002", 1, new DateOnly(2025, 6, 23))],
        [Harvested("2506.00003", 1, new DateOnly(2025, 6, 24)), Harvested("2506.00004", 1, new DateOnly(2025, 6, 25)), Harvested("2506.00004", 2, new DateOnly(2025, 6, 25))],
        [Harvested("2506.00005", 1, new DateOnly(2025, 6, 26)), Harvested("2506.00001", 2, new DateOnly(2025, 6, 23))],
        [Harvested("2506.00006", 3, new DateOnly(2025, 6, 27))],
    ];

    private static HarvestedPaper Harvested(string id, int version, DateOnly listed)
    {
        var versions = Enumerable.Range(1, version).Select(v => new PaperVersion(v, new DateTimeOffset(2025, 6, 20 + v, 12, 0, 0, TimeSpan.Zero))).ToList();
        var paper = SamplePapers.Sample(id) with { Version = version, Title = $"{id} as of v{version}", Versions = versions, Submitted = versions[0].Submitted };
        return new HarvestedPaper(paper, listed, AnnounceType.Unknown);
    }

    private async Task<List<string>> IndexesOfAFreshStoreAsync()
    {
        var path = _dir.File("fresh.db");
        await using (await SqliteStore.OpenAsync(path))
        {
        }

        return Dump(path, IndexQuery);
    }

    private static List<string> Dump(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
