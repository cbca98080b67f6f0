using Xunit;
namespace Roundup.Testing.Postgres;

/// <summary>
/// One private PostgreSQL server for a whole test assembly (<c>[assembly: AssemblyFixture(typeof(PostgresFixture))]</c>),
/// started when the first test asks for it and removed when the assembly's tests end.
/// </summary>
public sealed class PostgresFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PostgresServer? _server;

    /// <summary>The server, started on first use; skips (or fails in CI) when PostgreSQL is not installed.</summary>
    public async Task<PostgresServer> ServerAsync()
    {
        PostgresServer.RequireAvailable();
        await _gate.WaitAsync();
        try
        {
            return _server ??= await PostgresServer.StartAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A fresh, empty database on the shared server.</summary>
    public async Task<string> DatabaseAsync(string prefix = "t") => await (await ServerAsync()).CreateDatabaseAsync(prefix);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _gate.Dispose();
    }
}
