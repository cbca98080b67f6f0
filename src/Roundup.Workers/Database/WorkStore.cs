using System.Text.Json;
using Npgsql;
using Roundup.Application.Distributing;
using Roundup.Delivery;
using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Writing.Pipeline;
using Roundup.Writing.Writers;

namespace Roundup.Workers.Database;

/// <summary>
/// The shared state of one coordinator's run: the full texts asked for and what the workers read, the entries asked
/// for and what they wrote, the delivery batches handed out and what they sent. A result is stored once (the first worker to finish wins), so a job repeated after a
/// killed worker finds it done.
/// </summary>
public sealed class WorkStore(WorkDatabase database)
{
    private const string S = WorkDatabase.Schema;

    public WorkDatabase Database { get; } = database;

    /// <summary>A new run; runs older than two days (a coordinator killed before it cleaned up) are removed.</summary>
    public async Task<Guid> StartRunAsync(CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid();
        await using var connection = await Database.OpenAsync(cancellationToken);
        await WorkDatabase.ExecuteAsync(connection, $"DELETE FROM {S}.runs WHERE started < now() - interval '2 days'; INSERT INTO {S}.runs (id) VALUES (@run)", cancellationToken, ("run", run));
        return run;
    }

    public async Task EndRunAsync(Guid run, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await WorkDatabase.ExecuteAsync(connection, $"DELETE FROM {S}.runs WHERE id = @run", cancellationToken, ("run", run));
    }

    /// <summary>Records the papers to read and returns those not read yet.</summary>
    public async Task<IReadOnlyList<Paper>> AskToReadAsync(Guid run, IReadOnlyList<Paper> papers, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        var unread = new List<Paper>();
        foreach (var paper in papers)
        {
            await using var command = new NpgsqlCommand($"INSERT INTO {S}.full_texts (run, paper, version) VALUES (@run, @paper, @version) ON CONFLICT (run, paper) DO UPDATE SET version = excluded.version RETURNING outcome IS NULL", connection);
            command.Parameters.AddWithValue("run", run);
            command.Parameters.AddWithValue("paper", paper.Id.Canonical);
            command.Parameters.AddWithValue("version", paper.Version);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                unread.Add(paper);
            }
        }

        return unread;
    }

    /// <summary>The version of a paper to read, or null when it is read already (or its run is gone).</summary>
    public async Task<int?> UnreadVersionAsync(Guid run, string paper, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT version FROM {S}.full_texts WHERE run = @run AND paper = @paper AND outcome IS NULL", connection);
        command.Parameters.AddWithValue("run", run);
        command.Parameters.AddWithValue("paper", paper);
        return await command.ExecuteScalarAsync(cancellationToken) as int?;
    }

    /// <summary>Stores what reading gave, unless another worker stored it first; true when this one's was kept.</summary>
    public async Task<bool> SaveReadAsync(Guid run, string paper, FullTextOutcome outcome, string worker, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"UPDATE {S}.full_texts SET outcome = @outcome, result = @result, read_by = @worker, read_at = now() WHERE run = @run AND paper = @paper AND outcome IS NULL", connection);
        command.Parameters.AddWithValue("run", run);
        command.Parameters.AddWithValue("paper", paper);
        command.Parameters.AddWithValue("outcome", outcome.Unreadable ? "unreadable" : outcome.Evidence is null ? "none" : "evidence");
        command.Parameters.AddWithValue("result", JsonSerializer.Serialize(outcome, WorkJson.Default.FullTextOutcome));
        command.Parameters.AddWithValue("worker", worker);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>What the workers read for each paper, in the order given.</summary>
    public async Task<IReadOnlyList<FullTextOutcome>> ReadOutcomesAsync(Guid run, IReadOnlyList<Paper> papers, CancellationToken cancellationToken)
    {
        var results = await ResultsAsync($"SELECT paper, result FROM {S}.full_texts WHERE run = @run AND outcome IS NOT NULL", run, cancellationToken);
        return [.. papers.Select(p => results.TryGetValue(p.Id.Canonical, out var json)
            ? JsonSerializer.Deserialize(json, WorkJson.Default.FullTextOutcome)!
            : throw new WorkFailedException($"{p.Id}: no full-text result was stored for it"))];
    }

    /// <summary>Records the entries to write and returns those not written yet.</summary>
    public async Task<IReadOnlyList<PaperToWrite>> AskToWriteAsync(Guid run, CuratorProfile profile, IReadOnlyList<PaperToWrite> papers, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        var profileJson = JsonSerializer.Serialize(profile, WorkJson.Default.CuratorProfile);
        var unwritten = new List<PaperToWrite>();
        foreach (var paper in papers)
        {
            await using var command = new NpgsqlCommand($"INSERT INTO {S}.entries (run, paper, input, profile) VALUES (@run, @paper, @input, @profile) ON CONFLICT (run, paper) DO UPDATE SET input = excluded.input, profile = excluded.profile, output = CASE WHEN {S}.entries.input = excluded.input AND {S}.entries.profile = excluded.profile THEN {S}.entries.output END RETURNING output IS NULL", connection);
            command.Parameters.AddWithValue("run", run);
            command.Parameters.AddWithValue("paper", paper.Paper.Id.Canonical);
            command.Parameters.AddWithValue("input", JsonSerializer.Serialize(paper, WorkJson.Default.PaperToWrite));
            command.Parameters.AddWithValue("profile", profileJson);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                unwritten.Add(paper);
            }
        }

        return unwritten;
    }

    /// <summary>An entry still to write with its profile, or null when it is written already (or its run is gone).</summary>
    public async Task<(PaperToWrite Paper, CuratorProfile Profile)?> UnwrittenAsync(Guid run, string paper, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT input, profile FROM {S}.entries WHERE run = @run AND paper = @paper AND output IS NULL", connection);
        command.Parameters.AddWithValue("run", run);
        command.Parameters.AddWithValue("paper", paper);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return (JsonSerializer.Deserialize(reader.GetString(0), WorkJson.Default.PaperToWrite)!,
            JsonSerializer.Deserialize(reader.GetString(1), WorkJson.Default.CuratorProfile)!);
    }

    /// <summary>Stores a written entry, unless another worker stored it first; true when this one's was kept.</summary>
    public async Task<bool> SaveEntryAsync(Guid run, string paper, GroundedEntry entry, string worker, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"UPDATE {S}.entries SET output = @output, written_by = @worker, written_at = now() WHERE run = @run AND paper = @paper AND output IS NULL", connection);
        command.Parameters.AddWithValue("run", run);
        command.Parameters.AddWithValue("paper", paper);
        command.Parameters.AddWithValue("output", JsonSerializer.Serialize(entry, WorkJson.Default.GroundedEntry));
        command.Parameters.AddWithValue("worker", worker);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The written entries, in the order given.</summary>
    public async Task<IReadOnlyList<GroundedEntry>> EntriesAsync(Guid run, IReadOnlyList<PaperToWrite> papers, CancellationToken cancellationToken)
    {
        var results = await ResultsAsync($"SELECT paper, output FROM {S}.entries WHERE run = @run AND output IS NOT NULL", run, cancellationToken);
        return [.. papers.Select(p => results.TryGetValue(p.Paper.Id.Canonical, out var json)
            ? JsonSerializer.Deserialize(json, WorkJson.Default.GroundedEntry)!
            : throw new WorkFailedException($"{p.Paper.Id}: no entry was stored for it"))];
    }

    /// <summary>Records <paramref name="count"/> new delivery batches of the mailing and returns their numbers.</summary>
    public async Task<IReadOnlyList<int>> AskToDeliverAsync(Guid run, MailingKey mailing, int count, int messages, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {S}.deliveries (run, batch, mailing, messages)
            SELECT @run, coalesce((SELECT max(batch) FROM {S}.deliveries WHERE run = @run), 0) + n, @mailing, @messages FROM generate_series(1, @count) AS n
            RETURNING batch
            """, connection);
        command.Parameters.AddWithValue("run", run);
        command.Parameters.AddWithValue("mailing", mailing.ToString());
        command.Parameters.AddWithValue("messages", messages);
        command.Parameters.AddWithValue("count", count);
        var batches = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            batches.Add(reader.GetInt32(0));
        }

        return [.. batches.Order()];
    }

    /// <summary>A batch still to send (its mailing and size), or null when it is done (or its run is gone).</summary>
    public async Task<(MailingKey Mailing, int Messages)?> UnsentBatchAsync(Guid run, int batch, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT mailing, messages FROM {S}.deliveries WHERE run = @run AND batch = @batch AND result IS NULL", connection);
        command.Parameters.AddWithValue("run", run);
        command.Parameters.AddWithValue("batch", batch);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (MailingKey.Parse(reader.GetString(0)), reader.GetInt32(1)) : null;
    }

    /// <summary>Stores what a batch did, unless it is stored already; true when this one's was kept.</summary>
    public async Task<bool> SaveDeliveryAsync(Guid run, int batch, DeliveryBatchOutcome outcome, string worker, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"UPDATE {S}.deliveries SET result = @result, sent_by = @worker, sent_at = now() WHERE run = @run AND batch = @batch AND result IS NULL", connection);
        command.Parameters.AddWithValue("run", run);
        command.Parameters.AddWithValue("batch", batch);
        command.Parameters.AddWithValue("result", JsonSerializer.Serialize(outcome, WorkJson.Default.DeliveryBatchOutcome));
        command.Parameters.AddWithValue("worker", worker);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>What the batches did, in the order given.</summary>
    public async Task<IReadOnlyList<DeliveryBatchOutcome>> DeliveryOutcomesAsync(Guid run, IReadOnlyList<int> batches, CancellationToken cancellationToken)
    {
        var results = await ResultsAsync($"SELECT batch::text, result FROM {S}.deliveries WHERE run = @run AND result IS NOT NULL", run, cancellationToken);
        return [.. batches.Select(b => results.TryGetValue(b.ToString(System.Globalization.CultureInfo.InvariantCulture), out var json)
            ? JsonSerializer.Deserialize(json, WorkJson.Default.DeliveryBatchOutcome)!
            : throw new WorkFailedException($"delivery batch {b}: no result was stored for it"))];
    }

    private async Task<Dictionary<string, string>> ResultsAsync(string sql, Guid run, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("run", run);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var results = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            results[reader.GetString(0)] = reader.GetString(1);
        }

        return results;
    }
}
