using Npgsql;
using Roundup.Delivery;

namespace Roundup.Storage.Postgres;

/// <summary>
/// The sender lock: a session advisory lock held on a connection kept open for the run. The server lets go of it
/// when that connection ends, however the process ends, so a killed run never leaves the store locked.
/// </summary>
internal sealed class PostgresSenderLock(NpgsqlConnection connection) : IAsyncDisposable
{
    public static async Task<IAsyncDisposable> TakeAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        var connection = await source.OpenConnectionAsync(cancellationToken);
        try
        {
            if (await PostgresSql.ScalarAsync(connection, null, "SELECT pg_try_advisory_lock(@k)", cancellationToken, ("k", PostgresLocks.Sender)) is true)
            {
                return new PostgresSenderLock(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        throw new DeliveryBusyException("another delivery run is using this store (it holds the PostgreSQL sender lock); wait for it to finish");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PostgresSql.ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@k)", CancellationToken.None, ("k", PostgresLocks.Sender));
        }
        catch (NpgsqlException)
        {
            // The connection is gone, and the lock went with it.
        }

        await connection.DisposeAsync();
    }
}
