using Npgsql;
using Roundup.Delivery;
using Roundup.Harvesting;
using Roundup.Papers;
using Roundup.Storage.Migrations;
using Roundup.Storage.Postgres;
using Roundup.Storage.Tests.Contract;
using Roundup.Testing.Postgres;

namespace Roundup.Storage.Tests.Postgres;

/// <summary>What only a shared server shows: processes starting at once, and two processes seeing each other's writes.</summary>
public sealed class PostgresStoreTests(PostgresFixture postgres)
{
    private static readonly DateOnly Monday = new(2025, 6, 23);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_stores_opened_at_once_on_an_empty_database_apply_each_migration_once()
    {
        var connectionString = await postgres.DatabaseAsync();

        var stores = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => PostgresStore.OpenAsync(connectionString, TimeProvider.System, Ct), Ct)));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var applied = new NpgsqlCommand("SELECT array_agg(version ORDER BY version) FROM schema_migrations", connection);
        var versions = (int[])(await applied.ExecuteScalarAsync(Ct))!;
        Assert.Equal(Enumerable.Range(1, MigrationSet.For(PostgresDatabase.Dialect).Count), versions);
        foreach (var store in stores)
        {
            Assert.Equal(0, await store.CountPapersAsync(Ct));
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task Reopening_applies_nothing_and_keeps_the_data()
    {
        var connectionString = await postgres.DatabaseAsync();
        await using (var first = await PostgresStore.OpenAsync(connectionString, TimeProvider.System, Ct))
        {
            await first.SavePageAsync("t", "k", [new(SamplePapers.Sample("2506.00001"), Monday, AnnounceType.New)], null, Ct);
        }

        await using var source = NpgsqlDataSource.Create(connectionString);
        Assert.Equal(0, await PostgresDatabase.MigrateAsync(source, Ct));
        await using var again = await PostgresStore.OpenAsync(connectionString, TimeProvider.System, Ct);
        Assert.Equal(1, await again.CountPapersAsync(Ct));
    }

    [Fact]
    public async Task Two_stores_on_one_database_see_each_others_writes_as_two_processes_would()
    {
        var connectionString = await postgres.DatabaseAsync();
        await using var one = await PostgresStore.OpenAsync(connectionString, TimeProvider.System, Ct);
        await using var two = await PostgresStore.OpenAsync(connectionString, TimeProvider.System, Ct);

        await one.SavePageAsync("listing", "k", [new(SamplePapers.Sample("2506.00001"), Monday, AnnounceType.New)], "next", Ct);
        Assert.Equal("next", await two.GetCheckpointAsync("k", Ct));
        Assert.Single(await two.GetPapersAnnouncedAsync(Monday, Monday, Ct));

        var ids = (await two.Subscribers.AddSubscribersAsync([new("a@example.org", null), new("b@example.org", null)], SubscriberStatus.Active, Ct)).AddedIds;
        var week = MailingKey.Parse("2025-W26");
        Assert.Equal(2, await one.Outbox.EnqueueAsync(week, "example.org", cancellationToken: Ct));
        await one.Outbox.ClaimAsync(week, 1, new OutboxLease("test", TimeSpan.FromMinutes(1)), cancellationToken: Ct);
        await one.Outbox.MarkSentAsync(week, ids[0], "250 ok", Ct);
        Assert.Equal(new DeliveryCounts(1, 0, 1, 0, 0, 0), await two.Outbox.CountAsync(week, Ct));
    }
}
