using Roundup.Storage.Sqlite;
using Roundup.Storage.Tests.Contract;
using Roundup.Testing;

namespace Roundup.Storage.Tests.Sqlite;

/// <summary>What only the SQLite file has: migrations applied once, and a file that is not a database refused by name.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Reopening_an_existing_file_applies_no_migration_twice_and_keeps_the_data()
    {
        var path = _dir.File("reopen.db");
        await using (var store = await SqliteStore.OpenAsync(path))
        {
            await store.SavePageAsync("t", "k", [new(SamplePapers.Sample("2506.00001"), new DateOnly(2025, 6, 23), Roundup.Papers.AnnounceType.New)], null);
        }

        await using var again = await SqliteStore.OpenAsync(path);
        Assert.Equal(1, await again.CountPapersAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_with_its_path()
    {
        var path = _dir.File("not-a-db.db");
        await File.WriteAllTextAsync(path, "this is not SQLite, it is a text file that is long enough to have a header page........................................................................");
        var e = await Assert.ThrowsAsync<StoreException>(() => SqliteStore.OpenAsync(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }
}
