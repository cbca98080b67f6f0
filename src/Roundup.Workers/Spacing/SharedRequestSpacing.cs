using Npgsql;
using Roundup.Arxiv.Http;
using Roundup.Workers.Database;

namespace Roundup.Workers.Spacing;

/// <summary>
/// arXiv's spacing for every process at once: the next free start per host group is a row in the workers' database,
/// taken with one atomic upsert (the row lock queues concurrent takers), and each process waits for the turn it got.
/// The wait is computed by the database's clock, so machines whose clocks differ still keep the spacing.
/// </summary>
public sealed class SharedRequestSpacing(WorkDatabase database, TimeProvider time) : IRequestSpacing
{
    public async Task WaitForTurnAsync(Uri url, TimeSpan spacing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        double waitSeconds;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await using var command = new NpgsqlCommand(
                $"""
                INSERT INTO {WorkDatabase.Schema}.request_slots AS s (host, next_free) VALUES (@host, clock_timestamp() + @spacing)
                ON CONFLICT (host) DO UPDATE SET next_free = GREATEST(s.next_free, clock_timestamp()) + @spacing
                RETURNING EXTRACT(EPOCH FROM (s.next_free - @spacing - clock_timestamp()))::float8
                """, connection);
            command.Parameters.AddWithValue("host", Group(url));
            command.Parameters.AddWithValue("spacing", spacing);
            waitSeconds = (double)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        if (waitSeconds > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(waitSeconds), time, cancellationToken);
        }
    }

    /// <summary>arXiv's hosts share one budget; any other host has its own.</summary>
    private static string Group(Uri url) => ArxivHttpOptions.IsArxivHost(url) ? "arxiv.org" : url.Authority.ToLowerInvariant();
}
