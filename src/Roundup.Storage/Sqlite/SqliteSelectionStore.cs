using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Roundup.Papers;
using Roundup.Selection;

namespace Roundup.Storage.Sqlite;

/// <summary>Stage runs, judgements and curator decisions in the SQLite store.</summary>
public sealed class SqliteSelectionStore : ISelectionStore
{
    private readonly SqliteSession _session;
    private readonly TimeProvider _time;

    internal SqliteSelectionStore(SqliteSession session, TimeProvider time)
    {
        _session = session;
        _time = time;
    }

    private static readonly string[] JudgementParameters = ["$w", "$s", "$id", "$score", "$rank", "$adv", "$dec", "$con", "$sc"];

    private const string RunColumns = "stage, position, input_hash, entered, advanced, unscored, seconds, input_tokens, output_tokens, cost";

    public async Task<StageRun?> GetStageRunAsync(SelectionKey key, string stage, CancellationToken cancellationToken = default) =>
        (await _session.QueryAsync($"SELECT {RunColumns} FROM stage_runs WHERE week = $w AND stage = $s", ReadRun, cancellationToken, ("$w", key.ToString()), ("$s", stage))).FirstOrDefault();

    public async Task<IReadOnlyList<StageRun>> GetStageRunsAsync(SelectionKey key, CancellationToken cancellationToken = default) =>
        await _session.QueryAsync($"SELECT {RunColumns} FROM stage_runs WHERE week = $w ORDER BY position", ReadRun, cancellationToken, ("$w", key.ToString()));

    public async Task SaveStageAsync(SelectionKey key, StageRun run, IReadOnlyList<Judgement> judgements, CancellationToken cancellationToken = default)
    {
        var week = key.ToString();
        await _session.ExclusiveAsync(async () =>
        {
            await using var transaction = (SqliteTransaction)await _session.Connection.BeginTransactionAsync(cancellationToken);
            Execute(transaction, "DELETE FROM judgements WHERE week = $w AND stage = $s", ("$w", week), ("$s", run.Stage));
            Execute(transaction, """
                INSERT INTO stage_runs (week, stage, position, input_hash, entered, advanced, unscored, seconds, input_tokens, output_tokens, cost)
                VALUES ($w, $s, $p, $h, $e, $a, $u, $sec, $it, $ot, $c)
                ON CONFLICT (week, stage) DO UPDATE SET position = excluded.position, input_hash = excluded.input_hash, entered = excluded.entered,
                  advanced = excluded.advanced, unscored = excluded.unscored, seconds = excluded.seconds, input_tokens = excluded.input_tokens,
                  output_tokens = excluded.output_tokens, cost = excluded.cost
                """, ("$w", week), ("$s", run.Stage), ("$p", run.Position), ("$h", run.InputHash), ("$e", run.Entered), ("$a", run.Advanced),
                ("$u", run.Unscored), ("$sec", run.Seconds), ("$it", run.Usage.InputTokens), ("$ot", run.Usage.OutputTokens), ("$c", (double)run.Usage.Cost));
            using (var insert = _session.Connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT INTO judgements (week, stage, paper_id, score, rank, advanced, decision, contributions, scorers)
                    VALUES ($w, $s, $id, $score, $rank, $adv, $dec, $con, $sc)
                    """;
                foreach (var name in JudgementParameters)
                {
                    insert.Parameters.Add(new SqliteParameter(name, null));
                }

                insert.Prepare();
                foreach (var j in judgements)
                {
                    object?[] values = [week, run.Stage, j.Paper.Canonical, j.Score, j.Rank, j.Advanced ? 1 : 0, j.Decision, Contributions(j.Contributions), JsonSerializer.Serialize(j.ScorerIds.ToArray(), StoreJson.Default.StringArray)];
                    for (var i = 0; i < values.Length; i++)
                    {
                        insert.Parameters[i].Value = values[i] ?? DBNull.Value;
                    }

                    insert.ExecuteNonQuery();
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<Judgement>> GetJudgementsAsync(SelectionKey key, string? stage = null, CancellationToken cancellationToken = default) =>
        await _session.QueryAsync(
            """
            SELECT j.stage, j.paper_id, j.score, j.rank, j.advanced, j.decision, j.contributions, j.scorers
            FROM judgements j JOIN stage_runs r ON r.week = j.week AND r.stage = j.stage
            WHERE j.week = $w AND ($s IS NULL OR j.stage = $s)
            ORDER BY r.position, j.rank
            """,
            r => new Judgement(
                r.GetString(0),
                ArxivId.Parse(r.GetString(1)),
                r.IsDBNull(2) ? null : r.GetDouble(2),
                r.GetInt32(3),
                r.GetInt32(4) == 1,
                r.GetString(5),
                ReadContributions(r.GetString(6)),
                JsonSerializer.Deserialize(r.GetString(7), StoreJson.Default.StringArray) ?? []),
            cancellationToken,
            ("$w", key.ToString()),
            ("$s", (object?)stage ?? DBNull.Value));

    public async Task<IReadOnlyList<CuratorDecision>> GetDecisionsAsync(SelectionKey key, CancellationToken cancellationToken = default) =>
        await _session.QueryAsync(
            "SELECT paper_id, decision, note FROM curator_decisions WHERE week = $w ORDER BY paper_id",
            r => new CuratorDecision(ArxivId.Parse(r.GetString(0)), r.GetString(1) == "pin" ? DecisionKind.Pin : DecisionKind.Drop, r.IsDBNull(2) ? null : r.GetString(2)),
            cancellationToken,
            ("$w", key.ToString()));

    public async Task<IReadOnlyList<CuratorDecision>> GetAllDecisionsAsync(CancellationToken cancellationToken = default) =>
        await _session.QueryAsync(
            "SELECT paper_id, decision, note FROM curator_decisions ORDER BY decided_at, paper_id",
            r => new CuratorDecision(ArxivId.Parse(r.GetString(0)), r.GetString(1) == "pin" ? DecisionKind.Pin : DecisionKind.Drop, r.IsDBNull(2) ? null : r.GetString(2)),
            cancellationToken);

    public async Task SaveDecisionAsync(SelectionKey key, CuratorDecision decision, CancellationToken cancellationToken = default)
    {
        await _session.ExclusiveAsync(() =>
        {
            Execute(null, """
                INSERT INTO curator_decisions (week, paper_id, decision, note, decided_at) VALUES ($w, $p, $d, $n, $t)
                ON CONFLICT (week, paper_id) DO UPDATE SET decision = excluded.decision, note = excluded.note, decided_at = excluded.decided_at
                """, ("$w", key.ToString()), ("$p", decision.Paper.Canonical), ("$d", decision.Kind == DecisionKind.Pin ? "pin" : "drop"),
                ("$n", (object?)decision.Note ?? DBNull.Value), ("$t", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public async Task<bool> RemoveDecisionAsync(SelectionKey key, ArxivId paper, CancellationToken cancellationToken = default)
    {
        var removed = 0;
        await _session.ExclusiveAsync(() =>
        {
            using var command = _session.Command("DELETE FROM curator_decisions WHERE week = $w AND paper_id = $p", ("$w", key.ToString()), ("$p", paper.Canonical));
            removed = command.ExecuteNonQuery();
            return Task.CompletedTask;
        }, cancellationToken);
        return removed > 0;
    }

    private static StageRun ReadRun(SqliteDataReader r) => new(
        r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetDouble(6),
        new ScorerUsage(r.GetInt64(7), r.GetInt64(8), (decimal)r.GetDouble(9)));

    private static string Contributions(IReadOnlyList<Contribution> contributions) =>
        JsonSerializer.Serialize(contributions.Select(c => new[] { c.Value.ToString("R", CultureInfo.InvariantCulture), c.Label }).ToArray(), StoreJson.Default.StringArrayArray);

    private static List<Contribution> ReadContributions(string json) =>
        (JsonSerializer.Deserialize(json, StoreJson.Default.StringArrayArray) ?? [])
            .Select(pair => new Contribution(double.Parse(pair[0], CultureInfo.InvariantCulture), pair[1]))
            .ToList();

    private void Execute(SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _session.Command(sql, parameters);
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
