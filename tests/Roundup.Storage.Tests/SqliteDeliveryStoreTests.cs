using Microsoft.Data.Sqlite;
using Roundup.Delivery;
using Roundup.Storage.Sqlite;
using Roundup.Testing;

namespace Roundup.Storage.Tests;

public sealed class SqliteDeliveryStoreTests : IDisposable
{
    private const string Week = "2025-W26";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static SubscriberImport S(string email, string? name = null) => new(email, name);

    [Fact]
    public async Task Import_adds_new_addresses_updates_names_and_counts_duplicates_whatever_their_case()
    {
        await using var store = await SqliteDeliveryStore.OpenAsync(_dir.File("d.db"));
        var first = await store.AddSubscribersAsync([S("ada@example.org", "Ada"), S("bob@example.org")], SubscriberStatus.Pending);
        Assert.Equal((2, 0, 0), (first.Added, first.Updated, first.Unchanged));
        Assert.Equal(2, first.AddedIds.Count);

        var second = await store.AddSubscribersAsync([S("ADA@example.org"), S("bob@example.org", "Bob"), S("cy@example.org")], SubscriberStatus.Pending);
        Assert.Equal((1, 1, 1), (second.Added, second.Updated, second.Unchanged));
        var bob = await store.FindSubscriberAsync("Bob@Example.org");
        Assert.Equal("Bob", bob!.Name);
        Assert.Equal(SubscriberStatus.Pending, bob.Status);
        Assert.Equal("Ada", (await store.FindSubscriberAsync("ada@example.org"))!.Name);
        Assert.Equal(3, (await store.ListSubscribersAsync()).Count);
    }

    [Fact]
    public async Task Import_never_re_activates_a_suppressed_address_even_as_confirmed()
    {
        await using var store = await SqliteDeliveryStore.OpenAsync(_dir.File("d.db"));
        var ids = (await store.AddSubscribersAsync([S("ada@example.org"), S("bob@example.org")], SubscriberStatus.Active)).AddedIds;
        await store.SuppressAsync(ids[0], SuppressionReason.Unsubscribed);
        await store.SuppressAddressAsync("never@example.org", SuppressionReason.Complained);

        var again = await store.AddSubscribersAsync([S("Ada@example.org", "Ada"), S("never@example.org"), S("bob@example.org")], SubscriberStatus.Active);

        Assert.Equal(2, again.Suppressed);
        Assert.Equal(0, again.Added);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await store.GetSubscriberAsync(ids[0]))!.Status);
        Assert.Null(await store.FindSubscriberAsync("never@example.org"));
        Assert.Equal(SuppressionReason.Complained, (await store.GetSuppressionAsync("NEVER@example.org"))!.Reason);
        Assert.Equal(2, (await store.ListSuppressionsAsync()).Count);
    }

    [Fact]
    public async Task The_suppression_list_keeps_hashes_not_addresses()
    {
        var path = _dir.File("d.db");
        await using (var store = await SqliteDeliveryStore.OpenAsync(path))
        {
            await store.SuppressAddressAsync("secret.person@example.org", SuppressionReason.Bounced);
        }

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT address_hash FROM suppressions";
        var stored = (string)(await command.ExecuteScalarAsync())!;
        Assert.Equal(AddressKey.Hash("secret.person@example.org"), stored);
        Assert.DoesNotContain("secret", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_turns_only_a_pending_subscriber_active()
    {
        await using var store = await SqliteDeliveryStore.OpenAsync(_dir.File("d.db"));
        var ids = (await store.AddSubscribersAsync([S("ada@example.org"), S("bob@example.org")], SubscriberStatus.Pending)).AddedIds;
        await store.SuppressAsync(ids[1], SuppressionReason.Unsubscribed);

        var ada = await store.ConfirmAsync(ids[0]);
        var bob = await store.ConfirmAsync(ids[1]);

        Assert.Equal(SubscriberStatus.Active, ada!.Status);
        Assert.NotNull(ada.Confirmed);
        Assert.Equal(SubscriberStatus.Unsubscribed, bob!.Status);
        Assert.Null(await store.ConfirmAsync(999));
    }

    [Fact]
    public async Task Enqueue_makes_one_row_per_active_subscriber_with_a_fixed_unique_message_id()
    {
        await using var store = await SqliteDeliveryStore.OpenAsync(_dir.File("d.db"));
        var ids = (await store.AddSubscribersAsync([S("a@example.org"), S("b@example.org"), S("c@example.org")], SubscriberStatus.Active)).AddedIds;
        await store.AddSubscribersAsync([S("pending@example.org")], SubscriberStatus.Pending);

        Assert.Equal(3, await store.EnqueueAsync(Week, "example.org"));
        Assert.Equal(0, await store.EnqueueAsync(Week, "example.org"));
        var rows = await Task.WhenAll(ids.Select(id => store.GetOutboxRowAsync(Week, id)));
        Assert.All(rows, r => Assert.Equal(OutboxState.Pending, r!.State));
        Assert.All(rows, r => Assert.EndsWith("@example.org", r!.MessageId, StringComparison.Ordinal));
        Assert.Equal(3, rows.Select(r => r!.MessageId).Distinct().Count());
        Assert.Equal(1, await store.EnqueueAsync("2025-W27", "example.org", onlySubscriber: ids[1]));
    }

    [Fact]
    public async Task A_claim_marks_rows_sending_and_skips_subscribers_who_left_after_the_enqueue()
    {
        await using var store = await SqliteDeliveryStore.OpenAsync(_dir.File("d.db"));
        var ids = (await store.AddSubscribersAsync([S("a@example.org"), S("b@example.org"), S("c@example.org")], SubscriberStatus.Active)).AddedIds;
        await store.EnqueueAsync(Week, "example.org");
        await store.SuppressAsync(ids[0], SuppressionReason.Unsubscribed);

        var claimed = await store.ClaimAsync(Week, 10);

        Assert.Equal([ids[1], ids[2]], claimed.Select(c => c.Row.SubscriberId));
        Assert.All(claimed, c => Assert.Equal((OutboxState.Sending, 1), (c.Row.State, c.Row.Attempts)));
        Assert.Equal("b@example.org", claimed[0].Subscriber.Email);
        Assert.Equal(new DeliveryCounts(0, 2, 0, 0, 0, 1), await store.CountAsync(Week));
        Assert.Empty(await store.ClaimAsync(Week, 10));
    }

    [Fact]
    public async Task Rows_left_sending_by_a_dead_run_are_released_with_their_message_ids()
    {
        var path = _dir.File("d.db");
        string messageId;
        await using (var crashed = await SqliteDeliveryStore.OpenAsync(path))
        {
            await crashed.AddSubscribersAsync([S("a@example.org"), S("b@example.org")], SubscriberStatus.Active);
            await crashed.EnqueueAsync(Week, "example.org");
            var claimed = await crashed.ClaimAsync(Week, 1);
            messageId = claimed[0].Row.MessageId;
        }

        await using var store = await SqliteDeliveryStore.OpenAsync(path);
        Assert.Equal(1, await store.ReleaseInterruptedAsync(Week));
        var again = await store.ClaimAsync(Week, 10);
        Assert.Equal(2, again.Count);
        Assert.Equal(messageId, again[0].Row.MessageId);
        Assert.Equal(2, again[0].Row.Attempts);
    }

    [Fact]
    public async Task Outcomes_are_recorded_and_a_permanent_failure_suppresses_the_address()
    {
        var time = new ManualClock(new DateTimeOffset(2025, 6, 23, 8, 0, 0, TimeSpan.Zero));
        await using var store = await SqliteDeliveryStore.OpenAsync(_dir.File("d.db"), time);
        var ids = (await store.AddSubscribersAsync([S("a@example.org"), S("b@example.org"), S("c@example.org")], SubscriberStatus.Active)).AddedIds;
        await store.EnqueueAsync(Week, "example.org");
        await store.ClaimAsync(Week, 10);

        await store.MarkSentAsync(Week, ids[0], "250 ok");
        await store.MarkDeferredAsync(Week, ids[1], time.GetUtcNow().AddMinutes(15), "451 later");
        await store.MarkFailedAsync(Week, ids[2], "550 no such user", SuppressionReason.Bounced);

        Assert.Equal(new DeliveryCounts(0, 0, 1, 1, 1, 0), await store.CountAsync(Week));
        Assert.Equal(SubscriberStatus.Bounced, (await store.GetSubscriberAsync(ids[2]))!.Status);
        Assert.Equal(SuppressionReason.Bounced, (await store.GetSuppressionAsync("c@example.org"))!.Reason);
        Assert.Equal(time.GetUtcNow().AddMinutes(15), await store.NextDeferredAsync(Week));
        Assert.Empty(await store.ClaimAsync(Week, 10));

        time.Advance(TimeSpan.FromMinutes(15));
        var due = Assert.Single(await store.ClaimAsync(Week, 10));
        Assert.Equal((ids[1], 2), (due.Row.SubscriberId, due.Row.Attempts));
        Assert.Equal("451 later", due.Row.LastAnswer);
    }

    [Fact]
    public async Task Due_recipients_exclude_finished_rows_and_inactive_subscribers()
    {
        await using var store = await SqliteDeliveryStore.OpenAsync(_dir.File("d.db"));
        var ids = (await store.AddSubscribersAsync([S("a@example.org"), S("b@example.org"), S("c@example.org")], SubscriberStatus.Active)).AddedIds;
        await store.EnqueueAsync(Week, "example.org", onlySubscriber: ids[0]);
        await store.ClaimAsync(Week, 10);
        await store.MarkSentAsync(Week, ids[0], "250 ok");
        await store.SuppressAsync(ids[2], SuppressionReason.Complained);

        var due = await store.ListDueRecipientsAsync(Week, 0, 100);
        Assert.Equal([ids[1]], due.Select(s => s.Id));
    }

    [Fact]
    public async Task Only_one_sender_holds_the_lock_and_it_is_free_again_once_released()
    {
        var path = _dir.File("d.db");
        await using var one = await SqliteDeliveryStore.OpenAsync(path);
        await using var two = await SqliteDeliveryStore.OpenAsync(path);
        var held = await one.LockSenderAsync();
        var busy = await Assert.ThrowsAsync<DeliveryBusyException>(() => two.LockSenderAsync());
        Assert.Contains("another delivery run", busy.Message, StringComparison.Ordinal);
        await held.DisposeAsync();
        await (await two.LockSenderAsync()).DisposeAsync();
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
