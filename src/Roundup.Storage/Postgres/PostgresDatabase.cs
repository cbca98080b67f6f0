using System.Globalization;
using Npgsql;
using Roundup.Storage.Migrations;

namespace Roundup.Storage.Postgres;

/// <summary>Connects to the server and brings the schema up to date, once however many processes start at the same time.</summary>
public static class PostgresDatabase
{
    public const string Dialect = "postgres";

    /// <summary>A data source for the connection string; a first connection is opened and the schema migrated before it is returned.</summary>
    public static async Task<NpgsqlDataSource> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        if (PostgresConnectionString.Problem(connectionString) is { } problem)
        {
            throw new StoreException($"the store cannot be opened: {problem}");
        }

        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "roundup";
        var source = builder.Build();
        try
        {
            await MigrateAsync(source, cancellationToken);
            return source;
        }
        catch (NpgsqlException e)
        {
            await source.DisposeAsync();
            throw PostgresConnectionString.Refused(e, connectionString);
        }
        catch (TimeoutException e)
        {
            await source.DisposeAsync();
            throw PostgresConnectionString.Refused(e, connectionString);
        }
        catch
        {
            await source.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Applies every migration not yet applied, each in its own transaction, holding an advisory lock meanwhile: a
    /// process that starts while another migrates waits for it and then finds nothing left to do. Returns how many it applied.
    /// </summary>
    public static async Task<int> MigrateAsync(NpgsqlDataSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await PostgresSql.ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@k)", cancellationToken, ("k", PostgresLocks.Migrations));
        try
        {
            await PostgresSql.ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)", cancellationToken);
            var current = Convert.ToInt32(await PostgresSql.ScalarAsync(connection, null, "SELECT coalesce(max(version), 0) FROM schema_migrations", cancellationToken), CultureInfo.InvariantCulture);
            var all = MigrationSet.For(Dialect);
            if (current > all.Count)
            {
                throw new StoreException($"the store's schema is version {current}, newer than this roundup knows ({all.Count}); upgrade roundup");
            }

            var applied = 0;
            foreach (var migration in all.Where(m => m.Version > current))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await PostgresSql.ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                await PostgresSql.ExecuteAsync(connection, transaction, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, now())", cancellationToken, ("v", migration.Version), ("n", migration.Name));
                await transaction.CommitAsync(cancellationToken);
                applied++;
            }

            return applied;
        }
        finally
        {
            await PostgresSql.ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@k)", CancellationToken.None, ("k", PostgresLocks.Migrations));
        }
    }
}
