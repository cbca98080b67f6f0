using Roundup.Delivery;

namespace Roundup.Storage.Tests.Contract;

/// <summary>What every store must do with the outbox (<see cref="IOutboxStore"/>), whatever the database: one row per mailing and subscriber, each state change committed.</summary>
public abstract class OutboxStoreContract : StoreContract
{
    private static readonly MailingKey Week = MailingKey.Parse("2025-W26");

    private static SubscriberImport S(string email, string? name = null) => new(email, name);

    [Fact]
    public async Task Enqueue_makes_one_row_per_active_subscriber_with_a_fixed_unique_message_id()
    {
        await using var db = await OpenAsync();
        var store = db.Outbox;
        var ids = (await db.Subscribers.AddSubscribersAsync([S("a@example.org"), S("b@example.org"), S("c@example.org")], SubscriberStatus.Active)).AddedIds;
        await db.Subscribers.AddSubscribersAsync([S("pending@example.org")], SubscriberStatus.Pending);

        Assert.Equal(3, await store.EnqueueAsync(Week, "example.org"));
        Assert.Equal(0, await store.EnqueueAsync(Week, "example.org"));
        var rows = await Task.WhenAll(ids.Select(id => store.GetOutboxRowAsync(Week, id)));
        Assert.All(rows, r => Assert.Equal(OutboxState.Pending, r!.State));
        Assert.All(rows, r => Assert.EndsWith("@example.org", r!.MessageId, StringComparison.Ordinal));
        Assert.Equal(3, rows.Select(r => r!.MessageId).Distinct().Count());
        Assert.Equal(1, await store.EnqueueAsync(MailingKey.Parse("2025-W27"), "example.org", onlySubscriber: ids[1]));
    }

    [Fact]
    public async Task A_claim_marks_rows_sending_and_skips_subscribers_who_left_after_the_enqueue()
    {
        await using var db = await OpenAsync();
        var store = db.Outbox;
        var ids = (await db.Subscribers.AddSubscribersAsync([S("a@example.org"), S("b@example.org"), S("c@example.org")], SubscriberStatus.Active)).AddedIds;
        await store.EnqueueAsync(Week, "example.org");
        await db.Subscribers.SuppressAsync(ids[0], SuppressionReason.Unsubscribed);

        var claimed = await store.ClaimAsync(Week, 10, TestLease);

        Assert.Equal([ids[1], ids[2]], claimed.Select(c => c.Row.SubscriberId));
        Assert.All(claimed, c => Assert.Equal((OutboxState.Sending, 1), (c.Row.State, c.Row.Attempts)));
        Assert.Equal("b@example.org", claimed[0].Subscriber.Email);
        Assert.Equal(new DeliveryCounts(0, 2, 0, 0, 0, 1), await store.CountAsync(Week));
        Assert.Empty(await store.ClaimAsync(Week, 10, TestLease));
    }

    [Fact]
    public async Task Rows_of_a_sender_whose_lease_ran_out_are_taken_over_with_their_message_ids_and_not_before()
    {
        var time = new ManualClock(new DateTimeOffset(2025, 6, 23, 8, 0, 0, TimeSpan.Zero));
        string messageId;
        long taken;
        await using (var killed = await OpenAsync(time))
        {
            await killed.Subscribers.AddSubscribersAsync([S("a@example.org"), S("b@example.org")], SubscriberStatus.Active);
            await killed.Outbox.EnqueueAsync(Week, "example.org");
            var claimed = Assert.Single(await killed.Outbox.ClaimAsync(Week, 1, new OutboxLease("killed", TimeSpan.FromMinutes(1))));
            (messageId, taken) = (claimed.Row.MessageId, claimed.Row.SubscriberId);
            Assert.False(claimed.Resumed);
        }

        await using var db = await OpenAsync(time);
        var store = db.Outbox;
        var survivor = new OutboxLease("survivor", TimeSpan.FromMinutes(1));
        var other = Assert.Single(await store.ClaimAsync(Week, 10, survivor));
        Assert.NotEqual(taken, other.Row.SubscriberId);
        await store.MarkSentAsync(Week, other.Row.SubscriberId, "250 ok");
        Assert.Equal(time.GetUtcNow().AddMinutes(1), await store.NextLeaseEndAsync(Week, "nobody"));
        Assert.Null(await store.NextLeaseEndAsync(Week, "killed"));

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(await store.ClaimAsync(Week, 10, survivor));
        await store.ReleaseAsync(Week, taken, survivor.Sender);
        Assert.Equal(OutboxState.Sending, (await store.GetOutboxRowAsync(Week, taken))!.State);

        time.Advance(TimeSpan.FromSeconds(1));
        var again = Assert.Single(await store.ClaimAsync(Week, 10, survivor));
        Assert.Equal((taken, messageId, 2, true), (again.Row.SubscriberId, again.Row.MessageId, again.Row.Attempts, again.Resumed));
    }

    [Fact]
    public async Task A_renewed_lease_keeps_the_rows_and_ends_with_the_row_s_outcome()
    {
        var time = new ManualClock(new DateTimeOffset(2025, 6, 23, 8, 0, 0, TimeSpan.Zero));
        await using var one = await OpenAsync(time);
        await using var two = await OpenAsync(time);
        var ids = (await one.Subscribers.AddSubscribersAsync([S("a@example.org"), S("b@example.org")], SubscriberStatus.Active)).AddedIds;
        await one.Outbox.EnqueueAsync(Week, "example.org");
        var holder = new OutboxLease("holder", TimeSpan.FromMinutes(1));
        var other = new OutboxLease("other", TimeSpan.FromMinutes(1));
        Assert.Equal(2, (await one.Outbox.ClaimAsync(Week, 10, holder)).Count);

        time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(2, await one.Outbox.RenewLeaseAsync(Week, holder));
        Assert.Equal(0, await two.Outbox.RenewLeaseAsync(Week, other));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(await two.Outbox.ClaimAsync(Week, 10, other));
        Assert.Equal(time.GetUtcNow().AddSeconds(30), await two.Outbox.NextLeaseEndAsync(Week, "nobody"));

        await one.Outbox.MarkSentAsync(Week, ids[0], "250 ok");
        await one.Outbox.MarkDeferredAsync(Week, ids[1], time.GetUtcNow().AddMinutes(5), "451 later");
        Assert.Equal(0, await one.Outbox.RenewLeaseAsync(Week, holder));
        Assert.Null(await two.Outbox.NextLeaseEndAsync(Week, "nobody"));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(await two.Outbox.ClaimAsync(Week, 10, other));
    }

    [Fact]
    public async Task Senders_claiming_at_once_from_their_own_connections_never_take_the_same_row()
    {
        await using var setup = await OpenAsync();
        var imports = Enumerable.Range(0, 300).Select(n => S($"r{n}@example.org")).ToList();
        await setup.Subscribers.AddSubscribersAsync(imports, SubscriberStatus.Active);
        Assert.Equal(300, await setup.Outbox.EnqueueAsync(Week, "example.org"));

        async Task<List<long>> ClaimAllAsync(int n)
        {
            await using var db = await OpenAsync();
            var lease = new OutboxLease($"sender-{n}", TimeSpan.FromMinutes(1));
            var mine = new List<long>();
            while (await db.Outbox.ClaimAsync(Week, 7, lease) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(i => i.Row.SubscriberId));
            }

            return mine;
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 3).Select(n => Task.Run(() => ClaimAllAsync(n))));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(300, all.Count);
        Assert.Equal(300, all.Distinct().Count());
        Assert.Equal(new DeliveryCounts(0, 300, 0, 0, 0, 0), await setup.Outbox.CountAsync(Week));
    }

    [Fact]
    public async Task Outcomes_are_recorded_and_a_permanent_failure_suppresses_the_address()
    {
        var time = new ManualClock(new DateTimeOffset(2025, 6, 23, 8, 0, 0, TimeSpan.Zero));
        await using var db = await OpenAsync(time);
        var store = db.Outbox;
        var ids = (await db.Subscribers.AddSubscribersAsync([S("a@example.org"), S("b@example.org"), S("c@example.org")], SubscriberStatus.Active)).AddedIds;
        await store.EnqueueAsync(Week, "example.org");
        await store.ClaimAsync(Week, 10, TestLease);

        await store.MarkSentAsync(Week, ids[0], "250 ok");
        await store.MarkDeferredAsync(Week, ids[1], time.GetUtcNow().AddMinutes(15), "451 later");
        await store.MarkFailedAsync(Week, ids[2], "550 no such user", SuppressionReason.Bounced);

        Assert.Equal(new DeliveryCounts(0, 0, 1, 1, 1, 0), await store.CountAsync(Week));
        Assert.Equal(SubscriberStatus.Bounced, (await db.Subscribers.GetSubscriberAsync(ids[2]))!.Status);
        Assert.Equal(SuppressionReason.Bounced, (await db.Subscribers.GetSuppressionAsync("c@example.org"))!.Reason);
        Assert.Equal(time.GetUtcNow().AddMinutes(15), await store.NextDeferredAsync(Week));
        var problems = await store.ListOutboxRowsAsync(Week, [OutboxState.Failed, OutboxState.Deferred], 10);
        Assert.Equal([(ids[1], OutboxState.Deferred, "451 later"), (ids[2], OutboxState.Failed, "550 no such user")], problems.Select(p => (p.Row.SubscriberId, p.Row.State, p.Row.LastAnswer)));
        Assert.Equal("c@example.org", problems[1].Subscriber.Email);
        Assert.Single(await store.ListOutboxRowsAsync(Week, [OutboxState.Failed, OutboxState.Deferred], 1));
        Assert.Empty(await store.ListOutboxRowsAsync(MailingKey.Parse("2025-W27"), [OutboxState.Failed], 10));
        Assert.Empty(await store.ClaimAsync(Week, 10, TestLease));

        time.Advance(TimeSpan.FromMinutes(15));
        var due = Assert.Single(await store.ClaimAsync(Week, 10, TestLease));
        Assert.Equal((ids[1], 2), (due.Row.SubscriberId, due.Row.Attempts));
        Assert.Equal("451 later", due.Row.LastAnswer);
    }

    [Fact]
    public async Task Due_recipients_exclude_finished_rows_and_inactive_subscribers()
    {
        await using var db = await OpenAsync();
        var store = db.Outbox;
        var ids = (await db.Subscribers.AddSubscribersAsync([S("a@example.org"), S("b@example.org"), S("c@example.org")], SubscriberStatus.Active)).AddedIds;
        await store.EnqueueAsync(Week, "example.org", onlySubscriber: ids[0]);
        await store.ClaimAsync(Week, 10, TestLease);
        await store.MarkSentAsync(Week, ids[0], "250 ok");
        await db.Subscribers.SuppressAsync(ids[2], SuppressionReason.Complained);

        var due = await store.ListDueRecipientsAsync(Week, 0, 100);
        Assert.Equal([ids[1]], due.Select(s => s.Id));
    }

    [Fact]
    public async Task Failed_rows_of_active_subscribers_go_back_to_pending_with_their_message_ids_and_refused_addresses_stay_failed()
    {
        await using var db = await OpenAsync();
        var store = db.Outbox;
        var ids = (await db.Subscribers.AddSubscribersAsync([S("a@example.org"), S("b@example.org"), S("c@example.org")], SubscriberStatus.Active)).AddedIds;
        await store.EnqueueAsync(Week, "example.org");
        await store.ClaimAsync(Week, 10, TestLease);
        await store.MarkFailedAsync(Week, ids[0], "554 5.7.1 policy", null);
        await store.MarkFailedAsync(Week, ids[1], "550 no such user", SuppressionReason.Bounced);
        await store.MarkFailedAsync(Week, ids[2], "554 5.7.1 policy", null);
        await db.Subscribers.SuppressAsync(ids[2], SuppressionReason.Unsubscribed);
        var messageId = (await store.GetOutboxRowAsync(Week, ids[0]))!.MessageId;

        Assert.Equal(1, await store.CountRetryableAsync(Week));
        Assert.Equal(0, await store.CountRetryableAsync(Week, ids[1]));
        Assert.Empty(await store.ListDueRecipientsAsync(Week, 0, 100));
        Assert.Equal([ids[0]], (await store.ListDueRecipientsAsync(Week, 0, 100, includeRetryable: true)).Select(s => s.Id));

        Assert.Equal(1, await store.RetryFailedAsync(Week));

        var retried = (await store.GetOutboxRowAsync(Week, ids[0]))!;
        Assert.Equal((OutboxState.Pending, 0, messageId), (retried.State, retried.Attempts, retried.MessageId));
        Assert.Equal(OutboxState.Failed, (await store.GetOutboxRowAsync(Week, ids[1]))!.State);
        Assert.Equal(0, await store.CountRetryableAsync(Week));
        Assert.Equal(0, await store.RetryFailedAsync(Week));
    }

    [Fact]
    public async Task Releasing_returns_only_the_sender_s_claimed_row_to_pending_and_a_mailing_without_rows_counts_none()
    {
        await using var db = await OpenAsync();
        var store = db.Outbox;
        var ids = (await db.Subscribers.AddSubscribersAsync([S("a@example.org"), S("b@example.org")], SubscriberStatus.Active)).AddedIds;
        await store.EnqueueAsync(Week, "example.org");
        await store.ClaimAsync(Week, 10, TestLease);
        await store.MarkSentAsync(Week, ids[0], "250 ok");

        await store.ReleaseAsync(Week, ids[0], TestLease.Sender);
        await store.ReleaseAsync(Week, ids[1], "another-sender");
        Assert.Equal(OutboxState.Sending, (await store.GetOutboxRowAsync(Week, ids[1]))!.State);
        await store.ReleaseAsync(Week, ids[1], TestLease.Sender);

        Assert.Equal(OutboxState.Sent, (await store.GetOutboxRowAsync(Week, ids[0]))!.State);
        var released = (await store.GetOutboxRowAsync(Week, ids[1]))!;
        Assert.Equal((Week, OutboxState.Pending, 1, (string?)null), (released.Mailing, released.State, released.Attempts, released.LastAnswer));
        Assert.Equal(new DeliveryCounts(1, 0, 1, 0, 0, 0), await store.CountAsync(Week));

        var other = MailingKey.Parse("2025-W27");
        Assert.Equal(DeliveryCounts.None, await store.CountAsync(other));
        Assert.Null(await store.NextDeferredAsync(other));
        Assert.Null(await store.GetOutboxRowAsync(other, ids[0]));
        Assert.Null(await store.NextLeaseEndAsync(other, "nobody"));
    }
}
