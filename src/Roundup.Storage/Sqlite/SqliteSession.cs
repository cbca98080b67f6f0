using Microsoft.Data.Sqlite;

namespace Roundup.Storage.Sqlite;

/// <summary>
/// The one connection the stores share (owned: disposing the session closes it), used by one operation at a time,
/// with the few query shapes they need.
/// </summary>
internal sealed class SqliteSession(SqliteConnection connection) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SqliteConnection Connection => connection;

    public async Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = Command(sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var results = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                results.Add(read(reader));
            }

            return results;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = Command(sql, parameters);
            return await command.ExecuteScalarAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> holding the connection, e.g. a transaction of several statements.</summary>
    public async Task ExclusiveAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await work();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The synchronous twin of <see cref="ExclusiveAsync"/>, for callers behind a synchronous interface.</summary>
    public T Exclusive<T>(Func<T> work)
    {
        _gate.Wait();
        try
        {
            return work();
        }
        finally
        {
            _gate.Release();
        }
    }

    public SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    public void Dispose()
    {
        connection.Dispose();
        _gate.Dispose();
    }
}
