using Microsoft.Data.Sqlite;
using Roundup.Delivery;
using Roundup.Papers;
using Roundup.Selection;

namespace Roundup.Storage.Tests.Sqlite;

/// <summary>The typed keys are stored as the very text the columns held before them, so no file needs migrating.</summary>
public sealed class SqliteStoredKeyTests : IDisposable
{
    private static readonly DateOnly First = new(2025, 6, 2);
    private static readonly DateOnly Last = new(2025, 6, 6);
    private readonly SqliteTestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Selection_keys_are_stored_as_the_week_the_date_range_or_the_evaluation_text()
    {
        SelectionKey[] keys = [SelectionKey.Parse("2025-W26"), SelectionKey.ForDates(First, Last), SelectionKey.ForEvaluation(First, Last, "default − content")];
        await using (var store = await _db.OpenAsync(TimeProvider.System))
        {
            foreach (var key in keys)
            {
                await store.Selection.SaveStageAsync(key, new StageRun("title", 1, "h", 1, 1, 0, 0, ScorerUsage.None), [new Judgement("title", ArxivId.Parse("2506.00001"), 0.5, 1, true, "advanced", [], [])]);
                await store.Selection.SaveDecisionAsync(key, new CuratorDecision(ArxivId.Parse("2506.00001"), DecisionKind.Pin));
            }
        }

        string[] expected = ["2025-06-02..2025-06-06", "2025-W26", "eval 2025-06-02..2025-06-06 default − content"];
        Assert.Equal(expected, await ColumnAsync("SELECT week FROM stage_runs ORDER BY week"));
        Assert.Equal(expected, await ColumnAsync("SELECT week FROM judgements ORDER BY week"));
        Assert.Equal(expected, await ColumnAsync("SELECT week FROM curator_decisions ORDER BY week"));
    }

    [Fact]
    public async Task Mailing_keys_are_stored_as_the_week_or_the_erratum_text_and_rows_written_so_read_back()
    {
        long id;
        await using (var store = await _db.OpenAsync(TimeProvider.System))
        {
            id = (await store.Subscribers.AddSubscribersAsync([new("a@example.org", null)], SubscriberStatus.Active)).AddedIds[0];
            var issue = MailingKey.Parse("2025-W26");
            await store.Outbox.EnqueueAsync(issue, "example.org");
            await store.Outbox.MarkSentAsync(issue, id, "250 ok");
            await store.Outbox.EnqueueAsync(MailingKey.ForErratum(issue.Issue, 1), "example.org");
        }

        Assert.Equal(["2025-W26", "2025-W26-erratum-1"], await ColumnAsync("SELECT week FROM outbox ORDER BY week"));

        await ColumnAsync($"INSERT INTO outbox (week, subscriber_id, state, attempts, message_id, updated) VALUES ('2025-W26-erratum-12', {id}, 'pending', 0, 'm@example.org', '2025-06-27T09:00:00.0000000Z') RETURNING week");
        await using var again = await _db.OpenAsync(TimeProvider.System);
        var key = MailingKey.Parse("2025-W26-erratum-12");
        var row = (await again.Outbox.GetOutboxRowAsync(key, id))!;
        Assert.Equal((key, 12, "m@example.org"), (row.Mailing, row.Mailing.Correction, row.MessageId));
    }

    private async Task<List<string>> ColumnAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_db.Path};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
