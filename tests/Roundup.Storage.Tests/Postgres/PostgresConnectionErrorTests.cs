using System.Net;
using System.Net.Sockets;
using Npgsql;
using Roundup.Testing.Postgres;

namespace Roundup.Storage.Tests.Postgres;

/// <summary>Every way Store:ConnectionString can be wrong gives one line naming the setting and the server, never the password.</summary>
public sealed class PostgresConnectionErrorTests(PostgresFixture postgres)
{
    private const string Secret = "hunter2-not-the-real-one";

    private static async Task<StoreException> RefusedAsync(string? connectionString)
    {
        var options = new StoreOptions { Provider = "postgres", ConnectionString = connectionString };
        var e = await Assert.ThrowsAsync<StoreException>(() => StoreFactory.OpenAsync(options, TimeProvider.System, TestContext.Current.CancellationToken));
        Assert.Contains("Store:ConnectionString", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_says_what_to_set()
    {
        var options = new StoreOptions { Provider = "Postgres" };
        Assert.Equal(["Store:ConnectionString must be set for Store:Provider 'postgres' (Host=…;Port=…;Username=…;Password=…;Database=…)"], options.Validate());
        await RefusedAsync(" ");
    }

    [Theory]
    [InlineData("this is not a connection string;Password=" + Secret, "is not a PostgreSQL connection string")]
    [InlineData("Host=127.0.0.1;Password=" + Secret + ";Colour=blue", "is not a PostgreSQL connection string")]
    [InlineData("Port=5432;Username=roundup;Password=" + Secret, "names no Host")]
    public async Task A_malformed_connection_string_is_refused_before_connecting(string connectionString, string expected)
    {
        var options = new StoreOptions { Provider = "postgres", ConnectionString = connectionString };
        var problem = Assert.Single(options.Validate());
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, problem, StringComparison.Ordinal);
        Assert.Contains(expected, (await RefusedAsync(connectionString)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_named_by_host_and_port()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var e = await RefusedAsync($"Host=127.0.0.1;Port={port};Username=roundup;Password={Secret};Database=roundup;Timeout=5");

        Assert.StartsWith($"Store:ConnectionString: cannot reach the PostgreSQL server at 127.0.0.1:{port}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_names_the_user_and_not_the_password()
    {
        var good = new NpgsqlConnectionStringBuilder(await postgres.DatabaseAsync()) { Password = Secret };

        var e = await RefusedAsync(good.ConnectionString);

        Assert.Equal($"Store:ConnectionString: the PostgreSQL server at 127.0.0.1:{good.Port} refused user 'roundup': wrong Username or Password", e.Message);
    }

    [Fact]
    public async Task A_database_that_does_not_exist_is_named()
    {
        var good = new NpgsqlConnectionStringBuilder(await postgres.DatabaseAsync()) { Database = "no_such_database" };

        var e = await RefusedAsync(good.ConnectionString);

        Assert.Contains("has no database 'no_such_database'", e.Message, StringComparison.Ordinal);
    }
}
