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
        string messageId;
        await using (var crashed = await OpenAsync())
        {
            await crashed.Subscribers.AddSubscribersAsync([S("a@example.org"), S("b@example.org")], SubscriberStatus.Active);
            await crashed.Outbox.EnqueueAsync(Week, "example.org");
            var claimed = await crashed.Outbox.ClaimAsync(Week, 1);
            messageId = claimed[0].Row.MessageId;
        }

        await using var db = await OpenAsync();
        var store = db.Outbox;
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
        await using var db = await OpenAsync(time);
        var store = db.Outbox;
        var ids = (await db.Subscribers.AddSubscribersAsync([S("a@example.org"), S("b@example.org"), S("c@example.org")], SubscriberStatus.Active)).AddedIds;
        await store.EnqueueAsync(Week, "example.org");
        await store.ClaimAsync(Week, 10);

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
        Assert.Empty(await store.ClaimAsync(Week, 10));

        time.Advance(TimeSpan.FromMinutes(15));
        var due = Assert.Single(await store.ClaimAsync(Week, 10));
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
        await store.ClaimAsync(Week, 10);
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
        await store.ClaimAsync(Week, 10);
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
    public async Task Releasing_returns_only_a_claimed_row_to_pending_and_a_mailing_without_rows_counts_none()
    {
        await using var db = await OpenAsync();
        var store = db.Outbox;
        var ids = (await db.Subscribers.AddSubscribersAsync([S("a@example.org"), S("b@example.org")], SubscriberStatus.Active)).AddedIds;
        await store.EnqueueAsync(Week, "example.org");
        await store.ClaimAsync(Week, 10);
        await store.MarkSentAsync(Week, ids[0], "250 ok");

        await store.ReleaseAsync(Week, ids[0]);
        await store.ReleaseAsync(Week, ids[1]);

        Assert.Equal(OutboxState.Sent, (await store.GetOutboxRowAsync(Week, ids[0]))!.State);
        var released = (await store.GetOutboxRowAsync(Week, ids[1]))!;
        Assert.Equal((Week, OutboxState.Pending, 1, (string?)null), (released.Mailing, released.State, released.Attempts, released.LastAnswer));
        Assert.Equal(new DeliveryCounts(1, 0, 1, 0, 0, 0), await store.CountAsync(Week));

        var other = MailingKey.Parse("2025-W27");
        Assert.Equal(DeliveryCounts.None, await store.CountAsync(other));
        Assert.Null(await store.NextDeferredAsync(other));
        Assert.Null(await store.GetOutboxRowAsync(other, ids[0]));
        Assert.Equal(0, await store.ReleaseInterruptedAsync(other));
    }
}
