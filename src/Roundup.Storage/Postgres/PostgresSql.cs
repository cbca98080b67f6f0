using Npgsql;

namespace Roundup.Storage.Postgres;

/// <summary>
/// The few query shapes the PostgreSQL parts need, over the store's data source. Every call takes a pooled connection
/// of its own, so the parts may be used at once from several threads; a transaction runs on one connection.
/// </summary>
/// <remarks>Each call is tried again while the server is briefly away (<see cref="PostgresRetry"/>).</remarks>
internal sealed class PostgresSql(NpgsqlDataSource source)
{
    private readonly Polly.ResiliencePipeline _retry = PostgresRetry.For(source);

    public NpgsqlDataSource Source => source;

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await _retry.ExecuteAsync(
            async ct =>
            {
                await using var connection = await source.OpenConnectionAsync(ct);
                return await QueryAsync(connection, null, sql, read, ct, parameters);
            },
            cancellationToken);

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await _retry.ExecuteAsync(
            async ct =>
            {
                await using var connection = await source.OpenConnectionAsync(ct);
                return await ScalarAsync(connection, null, sql, ct, parameters);
            },
            cancellationToken);

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await _retry.ExecuteAsync(
            async ct =>
            {
                await using var connection = await source.OpenConnectionAsync(ct);
                await using var command = Command(connection, null, sql, parameters);
                return await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns and rolled back when it throws.</summary>
    public async Task<T> TransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        await _retry.ExecuteAsync(
            async ct =>
            {
                await using var connection = await source.OpenConnectionAsync(ct);
                await using var transaction = await connection.BeginTransactionAsync(ct);
                var result = await work(connection, transaction);
                await transaction.CommitAsync(ct);
                return result;
            },
            cancellationToken);

    public static async Task<List<T>> QueryAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var results = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(read(reader));
        }

        return results;
    }

    /// <summary>The first column of the first row, or null for none or SQL NULL.</summary>
    public static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var scalar = await command.ExecuteScalarAsync(cancellationToken);
        return scalar is DBNull ? null : scalar;
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Holds a lock named by <paramref name="key"/> until the transaction ends, in every process using the database.</summary>
    public static Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long key, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@k)", cancellationToken, ("k", key));

    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>PostgreSQL keeps microseconds and Npgsql takes only UTC offsets: what is written is what reads back.</summary>
    public static DateTimeOffset Utc(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % 10));
    }

    public static DateTimeOffset? Utc(DateTimeOffset? time) => time is { } t ? Utc(t) : null;
}
