using Npgsql;
using Roundup.Testing.Postgres;

[assembly: AssemblyFixture(typeof(PostgresFixture))]

namespace Roundup.Storage.Tests.Postgres;

/// <summary>The tests that stop the assembly's server run alone, after the others: a restart would refuse their connections.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class ServerRestarts;

/// <summary>The private server the PostgreSQL tests run on: password sign-in only, a database per test, a restart that keeps the data.</summary>
[Collection(typeof(ServerRestarts))]
public sealed class PostgresServerTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_test_database_takes_the_password_and_keeps_its_rows_across_a_restart()
    {
        var server = await postgres.ServerAsync();
        var connectionString = await server.CreateDatabaseAsync("smoke");

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            // The server runs with synchronous_commit off (speed): this session waits for its commit's WAL, so an immediate stop cannot lose it.
            await using var create = new NpgsqlCommand("SET synchronous_commit = on; CREATE TABLE kept (n int); INSERT INTO kept VALUES (42);", connection);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var wrong = new NpgsqlConnectionStringBuilder(connectionString) { Password = "wrong", Pooling = false }.ConnectionString;
        await using (var refused = new NpgsqlConnection(wrong))
        {
            var e = await Assert.ThrowsAsync<PostgresException>(() => refused.OpenAsync(TestContext.Current.CancellationToken));
            Assert.Equal("28P01", e.SqlState); // invalid_password
        }

        await server.RestartAsync(TimeSpan.Zero, TestContext.Current.CancellationToken);
        NpgsqlConnection.ClearAllPools();

        await using var again = new NpgsqlConnection(connectionString);
        await again.OpenAsync(TestContext.Current.CancellationToken);
        await using var read = new NpgsqlCommand("SELECT n FROM kept", again);
        Assert.Equal(42, (int)(await read.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }
}
