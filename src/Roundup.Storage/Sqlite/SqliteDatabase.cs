using Microsoft.Data.Sqlite;
using Roundup.Storage.Migrations;

namespace Roundup.Storage.Sqlite;

/// <summary>Opens the SQLite file with the settings Roundup relies on and brings its schema up to date.</summary>
public static class SqliteDatabase
{
    public const string Dialect = "sqlite";

    public static async Task<SqliteConnection> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;", cancellationToken);
            await MigrateAsync(connection, cancellationToken);
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new StoreException($"cannot open the SQLite store {fullPath}: {e.Message}", e);
        }
    }

    /// <summary>Applies every migration not yet applied, each in its own transaction.</summary>
    public static async Task<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);", cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        var current = Convert.ToInt32(await query.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        var all = MigrationSet.For(Dialect);
        if (current > all.Count)
        {
            throw new StoreException($"the store's schema is version {current}, newer than this roundup knows ({all.Count}); upgrade roundup");
        }

        var applied = 0;
        foreach (var migration in all.Where(m => m.Version > current))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = migration.Sql;
                await command.ExecuteNonQueryAsync(cancellationToken);
                command.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $t)";
                command.Parameters.AddWithValue("$v", migration.Version);
                command.Parameters.AddWithValue("$n", migration.Name);
                command.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            applied++;
        }

        return applied;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
