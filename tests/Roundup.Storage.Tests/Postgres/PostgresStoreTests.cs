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
        await one.Outbox.ClaimAsync(week, 1, cancellationToken: Ct);
        await one.Outbox.MarkSentAsync(week, ids[0], "250 ok", Ct);
        Assert.Equal(new DeliveryCounts(1, 0, 1, 0, 0, 0), await two.Outbox.CountAsync(week, Ct));
    }

    [Fact]
    public async Task Claims_made_at_the_same_time_by_two_stores_never_take_the_same_row()
    {
        var connectionString = await postgres.DatabaseAsync();
        await using var one = await PostgresStore.OpenAsync(connectionString, TimeProvider.System, Ct);
        await using var two = await PostgresStore.OpenAsync(connectionString, TimeProvider.System, Ct);
        var subscribers = Enumerable.Range(0, 200).Select(i => new SubscriberImport($"s{i}@example.org", null)).ToList();
        await one.Subscribers.AddSubscribersAsync(subscribers, SubscriberStatus.Active, Ct);
        var week = MailingKey.Parse("2025-W26");
        await one.Outbox.EnqueueAsync(week, "example.org", cancellationToken: Ct);

        async Task<List<long>> DrainAsync(IRoundupStore store)
        {
            var mine = new List<long>();
            while (await store.Outbox.ClaimAsync(week, 7, cancellationToken: Ct) is [_, ..] claimed)
            {
                mine.AddRange(claimed.Select(c => c.Row.SubscriberId));
            }

            return mine;
        }

        var both = await Task.WhenAll(Task.Run(() => DrainAsync(one), Ct), Task.Run(() => DrainAsync(two), Ct));

        var all = both[0].Concat(both[1]).ToList();
        Assert.Equal(200, all.Count);
        Assert.Equal(200, all.Distinct().Count());
        Assert.Equal(new DeliveryCounts(0, 200, 0, 0, 0, 0), await one.Outbox.CountAsync(week, Ct));
    }

    [Fact]
    public async Task The_sender_lock_goes_with_its_connection_when_the_holder_dies()
    {
        var connectionString = await postgres.DatabaseAsync();
        await using var holder = await PostgresStore.OpenAsync(connectionString, TimeProvider.System, Ct);
        await using var other = await PostgresStore.OpenAsync(connectionString, TimeProvider.System, Ct);
        var held = await holder.SenderLock.LockSenderAsync(Ct);
        await Assert.ThrowsAsync<DeliveryBusyException>(() => other.SenderLock.LockSenderAsync(Ct));

        // What the server sees when a sender is killed: its session ends.
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync(Ct);
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted", admin);
            Assert.Equal(true, await kill.ExecuteScalarAsync(Ct));
        }

        await WaitForAsync(async () =>
        {
            try
            {
                await (await other.SenderLock.LockSenderAsync(Ct)).DisposeAsync();
                return true;
            }
            catch (DeliveryBusyException)
            {
                return false;
            }
        });
        await held.DisposeAsync();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50, Ct);
        }

        Assert.Fail("the condition did not come true within 5 s");
    }
}
