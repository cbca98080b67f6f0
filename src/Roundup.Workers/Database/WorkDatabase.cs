using System.Reflection;
using Npgsql;
using Roundup.Application.Distributing;

namespace Roundup.Workers.Database;

/// <summary>
/// The schema <c>roundup_work</c> beside Hangfire's: its numbered migrations (Database/Migrations/NNN_*.sql, applied
/// in order under an advisory lock, so workers starting together migrate once), and connections to it.
/// </summary>
public sealed class WorkDatabase(string connectionString)
{
    public const string Schema = "roundup_work";

    // Any fixed number: the lock only has to be the same for every process migrating this schema.
    private const long MigrationLock = 0x726f756e64757001;

    public string ConnectionString { get; } = connectionString;

    /// <summary>Where the database is, without the password: for messages.</summary>
    public string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"Host={builder.Host};Port={builder.Port};Database={builder.Database};Username={builder.Username}";
    }

    /// <summary>An open connection; a database that cannot be reached throws <see cref="WorkFailedException"/> saying where and why.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new WorkFailedException($"the workers' PostgreSQL database ({Describe()}) cannot be reached: {e.Message}", e);
        }
    }

    /// <summary>Applies the migrations this database lacks.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@lock)", cancellationToken, ("lock", MigrationLock));
        await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {Schema}; CREATE TABLE IF NOT EXISTS {Schema}.migrations (number integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())", cancellationToken);
        var applied = new HashSet<int>();
        await using (var read = new NpgsqlCommand($"SELECT number FROM {Schema}.migrations", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        foreach (var (number, sql) in Migrations().Where(m => !applied.Contains(m.Number)))
        {
            await ExecuteAsync(connection, sql, cancellationToken);
            await ExecuteAsync(connection, $"INSERT INTO {Schema}.migrations (number) VALUES (@number)", cancellationToken, ("number", number));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static IEnumerable<(int Number, string Sql)> Migrations()
    {
        var assembly = typeof(WorkDatabase).Assembly;
        const string Prefix = "Roundup.Workers.Database.Migrations.";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var number = int.Parse(name[Prefix.Length..].Split('_')[0], System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (number, reader.ReadToEnd());
        }
    }
}
