using Microsoft.Data.Sqlite;
using Roundup.Delivery;
using static Roundup.Storage.Sqlite.SqliteDeliveryRows;
using static Roundup.Storage.DeliverySpelling;

namespace Roundup.Storage.Sqlite;

/// <summary>
/// Subscribers, suppressions and the outbox in the SQLite store (the parts: .Subscribers, .SignUp, .Forget,
/// .Outbox). Every state change is its own committed transaction, so what a killed process
/// leaves behind is exactly what it had done.
/// </summary>
public sealed partial class SqliteDeliveryStore : ISubscriberStore, IOutboxStore, IAsyncDisposable
{
    private readonly SqliteSession _session;
    private readonly TimeProvider _time;
    private readonly bool _ownsSession;

    internal SqliteDeliveryStore(SqliteSession session, TimeProvider time, bool ownsSession = false)
    {
        _session = session;
        _time = time;
        _ownsSession = ownsSession;
    }

    /// <summary>Opens the store's file on a connection of its own (the file can be open elsewhere at the same time).</summary>
    public static async Task<SqliteDeliveryStore> OpenAsync(string path, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
#pragma warning disable CA2000 // the store owns the session, which owns the connection
        var connection = await SqliteDatabase.OpenAsync(path, cancellationToken);
        return new SqliteDeliveryStore(new SqliteSession(connection), time ?? TimeProvider.System, ownsSession: true);
#pragma warning restore CA2000
    }

    public ValueTask DisposeAsync()
    {
        if (_ownsSession)
        {
            _session.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private void SuppressSubscriber(SqliteTransaction transaction, long id, SuppressionReason reason, string now)
    {
        Execute(transaction, "UPDATE subscribers SET status = $s, changed = $t WHERE id = $id", ("$s", Name(StatusOf(reason))), ("$t", now), ("$id", id));
        Execute(
            transaction,
            "INSERT INTO suppressions (address_hash, reason, recorded) SELECT address_hash, $r, $t FROM subscribers WHERE id = $id ON CONFLICT DO NOTHING",
            ("$r", Name(reason)),
            ("$t", now),
            ("$id", id));
    }

    private SqliteCommand Prepare(SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = _session.Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private void Execute(SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _session.Command(sql, parameters);
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, or null for none or SQL NULL.</summary>
    private object? Scalar(SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _session.Command(sql, parameters);
        command.Transaction = transaction;
        var scalar = command.ExecuteScalar();
        return scalar is DBNull ? null : scalar;
    }
}
