using Roundup.Testing.Postgres;

namespace Roundup.Storage.Tests.Postgres;

/// <summary>An empty database of the test's own on the assembly's PostgreSQL server, opened through <see cref="StoreFactory"/> as often as the test likes.</summary>
internal sealed class PostgresTestDatabase(PostgresFixture postgres)
{
    private string? _connectionString;

    public async Task<string> ConnectionStringAsync() => _connectionString ??= await postgres.DatabaseAsync();

    public async Task<IRoundupStore> OpenAsync(TimeProvider time) =>
        await StoreFactory.OpenAsync(new StoreOptions { Provider = StoreOptions.Postgres, ConnectionString = await ConnectionStringAsync() }, time, TestContext.Current.CancellationToken);
}
