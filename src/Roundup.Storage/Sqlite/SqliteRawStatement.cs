using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Roundup.Storage.Sqlite;

/// <summary>
/// A statement prepared once on the connection's handle and bound by position through SQLitePCLRaw, the library
/// under Microsoft.Data.Sqlite. The page writer runs its statements tens of millions of times in a snapshot
/// import; binding by position skips the per-parameter name look-up (linear in the parameter count) that binding
/// by name costs on every execution. It runs inside whatever transaction the connection has open.
/// </summary>
internal sealed class SqliteRawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteRawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>Binds <paramref name="values"/> to the parameters from position <paramref name="first"/> (0-based).</summary>
    public void Bind(int first, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var position = first + i + 1;
            Check(values[i] switch
            {
                null => raw.sqlite3_bind_null(_statement, position),
                string s => raw.sqlite3_bind_text(_statement, position, s),
                int n => raw.sqlite3_bind_int64(_statement, position, n),
                long n => raw.sqlite3_bind_int64(_statement, position, n),
                var other => throw new ArgumentException($"cannot bind a {other.GetType().Name}", nameof(values)),
            });
        }
    }

    /// <summary>Runs the statement to its end; the first column of each row it returns goes to <paramref name="row"/>.</summary>
    public void Run(Action<string>? row = null)
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
                row?.Invoke(raw.sqlite3_column_text(_statement, 0).utf8_to_string());
            }

            if (rc != raw.SQLITE_DONE)
            {
                Check(rc);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
