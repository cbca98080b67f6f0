using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Roundup.Papers;
using Roundup.Selection;

namespace Roundup.Storage.Postgres;

/// <summary>Stage runs, judgements and curator decisions in the PostgreSQL store.</summary>
public sealed class PostgresSelectionStore : ISelectionStore
{
    private const string RunColumns = "stage, position, input_hash, entered, advanced, unscored, seconds, input_tokens, output_tokens, cost";
    private readonly PostgresSql _sql;
    private readonly TimeProvider _time;

    internal PostgresSelectionStore(PostgresSql sql, TimeProvider time)
    {
        _sql = sql;
        _time = time;
    }

    public async Task<StageRun?> GetStageRunAsync(SelectionKey key, string stage, CancellationToken cancellationToken = default) =>
        (await _sql.QueryAsync($"SELECT {RunColumns} FROM stage_runs WHERE week = @w AND stage = @s", ReadRun, cancellationToken, ("w", key.ToString()), ("s", stage))).FirstOrDefault();

    public async Task<IReadOnlyList<StageRun>> GetStageRunsAsync(SelectionKey key, CancellationToken cancellationToken = default) =>
        await _sql.QueryAsync($"SELECT {RunColumns} FROM stage_runs WHERE week = @w ORDER BY position", ReadRun, cancellationToken, ("w", key.ToString()));

    public async Task SaveStageAsync(SelectionKey key, StageRun run, IReadOnlyList<Judgement> judgements, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(judgements);
        var week = key.ToString();
        await _sql.TransactionAsync(
            async (connection, transaction) =>
            {
                // Two processes saving the same stage of the same key one after the other, never interleaved.
                await PostgresSql.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@k, hashtext(@w || '|' || @s))", cancellationToken,
                    ("k", (int)PostgresLocks.Selection), ("w", week), ("s", run.Stage));
                await PostgresSql.ExecuteAsync(connection, transaction, "DELETE FROM judgements WHERE week = @w AND stage = @s", cancellationToken, ("w", week), ("s", run.Stage));
                await PostgresSql.ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO stage_runs (week, stage, position, input_hash, entered, advanced, unscored, seconds, input_tokens, output_tokens, cost)
                    VALUES (@w, @s, @p, @h, @e, @a, @u, @sec, @it, @ot, @c)
                    ON CONFLICT (week, stage) DO UPDATE SET position = excluded.position, input_hash = excluded.input_hash, entered = excluded.entered,
                      advanced = excluded.advanced, unscored = excluded.unscored, seconds = excluded.seconds, input_tokens = excluded.input_tokens,
                      output_tokens = excluded.output_tokens, cost = excluded.cost
                    """,
                    cancellationToken,
                    ("w", week), ("s", run.Stage), ("p", run.Position), ("h", run.InputHash), ("e", run.Entered), ("a", run.Advanced),
                    ("u", run.Unscored), ("sec", run.Seconds), ("it", run.Usage.InputTokens), ("ot", run.Usage.OutputTokens), ("c", run.Usage.Cost));
                await CopyJudgementsAsync(connection, week, run.Stage, judgements, cancellationToken);
                return 0;
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<Judgement>> GetJudgementsAsync(SelectionKey key, string? stage = null, CancellationToken cancellationToken = default) =>
        await _sql.QueryAsync(
            """
            SELECT j.stage, j.paper_id, j.score, j.rank, j.advanced, j.decision, j.contributions::text, j.scorers
            FROM judgements j JOIN stage_runs r ON r.week = j.week AND r.stage = j.stage
            WHERE j.week = @w AND (@s::text IS NULL OR j.stage = @s::text)
            ORDER BY r.position, j.rank
            """,
            r => new Judgement(
                r.GetString(0),
                ArxivId.Parse(r.GetString(1)),
                r.IsDBNull(2) ? null : r.GetDouble(2),
                r.GetInt32(3),
                r.GetBoolean(4),
                r.GetString(5),
                ReadContributions(r.GetString(6)),
                r.GetFieldValue<string[]>(7)),
            cancellationToken,
            ("w", key.ToString()),
            ("s", stage));

    public async Task<IReadOnlyList<CuratorDecision>> GetDecisionsAsync(SelectionKey key, CancellationToken cancellationToken = default) =>
        await _sql.QueryAsync(
            "SELECT paper_id, decision, note FROM curator_decisions WHERE week = @w ORDER BY paper_id COLLATE \"C\"",
            ReadDecision,
            cancellationToken,
            ("w", key.ToString()));

    public async Task<IReadOnlyList<CuratorDecision>> GetAllDecisionsAsync(CancellationToken cancellationToken = default) =>
        await _sql.QueryAsync("SELECT paper_id, decision, note FROM curator_decisions ORDER BY decided_at, paper_id COLLATE \"C\"", ReadDecision, cancellationToken);

    public async Task SaveDecisionAsync(SelectionKey key, CuratorDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        await _sql.ExecuteAsync(
            """
            INSERT INTO curator_decisions (week, paper_id, decision, note, decided_at) VALUES (@w, @p, @d, @n, @t)
            ON CONFLICT (week, paper_id) DO UPDATE SET decision = excluded.decision, note = excluded.note, decided_at = excluded.decided_at
            """,
            cancellationToken,
            ("w", key.ToString()),
            ("p", decision.Paper.Canonical),
            ("d", decision.Kind == DecisionKind.Pin ? "pin" : "drop"),
            ("n", decision.Note),
            ("t", PostgresSql.Utc(_time.GetUtcNow())));
    }

    public async Task<bool> RemoveDecisionAsync(SelectionKey key, ArxivId paper, CancellationToken cancellationToken = default) =>
        await _sql.ExecuteAsync("DELETE FROM curator_decisions WHERE week = @w AND paper_id = @p", cancellationToken, ("w", key.ToString()), ("p", paper.Canonical)) > 0;

    private static async Task CopyJudgementsAsync(NpgsqlConnection connection, string week, string stage, IReadOnlyList<Judgement> judgements, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY judgements (week, stage, paper_id, score, rank, advanced, decision, contributions, scorers) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var j in judgements)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(week, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(stage, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(j.Paper.Canonical, NpgsqlDbType.Text, cancellationToken);
            if (j.Score is { } score)
            {
                await copy.WriteAsync(score, NpgsqlDbType.Double, cancellationToken);
            }
            else
            {
                await copy.WriteNullAsync(cancellationToken);
            }

            await copy.WriteAsync(j.Rank, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(j.Advanced, NpgsqlDbType.Boolean, cancellationToken);
            await copy.WriteAsync(j.Decision, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(Contributions(j.Contributions), NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(j.ScorerIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static CuratorDecision ReadDecision(NpgsqlDataReader r) =>
        new(ArxivId.Parse(r.GetString(0)), r.GetString(1) == "pin" ? DecisionKind.Pin : DecisionKind.Drop, r.IsDBNull(2) ? null : r.GetString(2));

    private static StageRun ReadRun(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetDouble(6),
        new ScorerUsage(r.GetInt64(7), r.GetInt64(8), r.GetDecimal(9)));

    // The value as round-trip text: a double survives exactly, whatever jsonb does with numbers.
    private static string Contributions(IReadOnlyList<Contribution> contributions) =>
        JsonSerializer.Serialize(contributions.Select(c => new[] { c.Value.ToString("R", CultureInfo.InvariantCulture), c.Label }).ToArray(), StoreJson.Default.StringArrayArray);

    private static List<Contribution> ReadContributions(string json) =>
        (JsonSerializer.Deserialize(json, StoreJson.Default.StringArrayArray) ?? [])
            .Select(pair => new Contribution(double.Parse(pair[0], CultureInfo.InvariantCulture), pair[1]))
            .ToList();
}
