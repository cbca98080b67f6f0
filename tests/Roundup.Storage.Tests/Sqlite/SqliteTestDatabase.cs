using Roundup.Testing;

namespace Roundup.Storage.Tests.Sqlite;

/// <summary>A SQLite file of the test's own in a temporary folder, opened through <see cref="StoreFactory"/> as often as the test likes.</summary>
internal sealed class SqliteTestDatabase : IDisposable
{
    private readonly TempDirectory _dir = new();

    public string Path => _dir.File("roundup.db");

    public Task<IRoundupStore> OpenAsync(TimeProvider time) =>
        StoreFactory.OpenAsync(new StoreOptions { Provider = StoreOptions.Sqlite, Path = Path }, time, TestContext.Current.CancellationToken);

    public void Dispose() => _dir.Dispose();
}
