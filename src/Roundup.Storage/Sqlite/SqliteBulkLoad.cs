using Microsoft.Data.Sqlite;

namespace Roundup.Storage.Sqlite;

/// <summary>
/// The first load into a store without papers (a 2.7M-record snapshot) leaves out the two listing-date indexes
/// while it runs and builds them once at the end. Starting is part of the first page's transaction (indexes dropped,
/// a <c>bulk_loads</c> row written), so a page and its checkpoint stay whole; a load killed midway resumes from its
/// checkpoint without them, and the harvest's end (clearing its checkpoint) builds them in one transaction with the
/// row's removal. Meanwhile every query still answers, by scanning.
/// </summary>
internal static class SqliteBulkLoad
{
    // The listing-date indexes of 001_papers.sql, exactly.
    private const string Indexes = """
        CREATE INDEX IF NOT EXISTS papers_by_announced ON papers (announced, id);
        CREATE INDEX IF NOT EXISTS sightings_by_date ON sightings (listing_date);
        """;

    /// <summary>Starts a bulk load inside the page's transaction when the store has no papers and none is under way.</summary>
    public static void StartIfEmpty(SqliteConnection connection, SqliteTransaction transaction, string checkpointKey, string now)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT NOT EXISTS (SELECT 1 FROM papers) AND NOT EXISTS (SELECT 1 FROM bulk_loads)";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return;
        }

        command.CommandText = """
            DROP INDEX IF EXISTS papers_by_announced;
            DROP INDEX IF EXISTS sightings_by_date;
            INSERT INTO bulk_loads (checkpoint_key, started_at) VALUES ($key, $now);
            """;
        command.Parameters.AddWithValue("$key", checkpointKey);
        command.Parameters.AddWithValue("$now", now);
        command.ExecuteNonQuery();
    }

    /// <summary>Ends any bulk load under way: the indexes built and the row removed, in one transaction.</summary>
    public static async Task FinishAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT EXISTS (SELECT 1 FROM bulk_loads)";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return;
            }

            command.CommandText = Indexes + "DELETE FROM bulk_loads;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
