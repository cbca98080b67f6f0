using Roundup.Delivery;

namespace Roundup.Storage.Tests.Contract;

/// <summary>Erasing a subscriber: the subscriber and their outbox rows go; the address's hash stays suppressed.</summary>
public abstract partial class SubscriberStoreContract
{
    private static readonly MailingKey Week = MailingKey.Parse("2025-W26");
    private const string Address = "ada.lovelace.forgettable@example.org";
    private const string Name = "Augusta Ada Forgettable";

    [Fact]
    public async Task Forgetting_deletes_the_subscriber_and_their_outbox_rows_and_keeps_the_hash_suppressed()
    {
        await using var db = await OpenAsync();
        var (store, outbox) = (db.Subscribers, db.Outbox);
        var ids = (await store.AddSubscribersAsync([new(Address, Name), new("bob@example.org", "Bob")], SubscriberStatus.Active)).AddedIds;
        await outbox.EnqueueAsync(Week, "example.org");
        foreach (var item in await outbox.ClaimAsync(Week, 10, TestLease))
        {
            await outbox.MarkSentAsync(Week, item.Row.SubscriberId, "250 ok");
        }

        var result = await store.ForgetSubscriberAsync("Ada.Lovelace.Forgettable@EXAMPLE.org");

        Assert.Equal(new ForgetResult(ids[0], 1, false), result);
        Assert.Null(await store.GetSubscriberAsync(ids[0]));
        Assert.Null(await store.FindSubscriberAsync(Address));
        Assert.Null(await outbox.GetOutboxRowAsync(Week, ids[0]));
        Assert.NotNull(await outbox.GetOutboxRowAsync(Week, ids[1]));
        Assert.Equal(SuppressionReason.Unsubscribed, (await store.GetSuppressionAsync(Address))!.Reason);
        Assert.Equal(1, (await store.AddSubscribersAsync([new(Address, Name)], SubscriberStatus.Active)).Suppressed);
    }

    [Fact]
    public async Task Forgetting_waits_for_a_sender_holding_the_subscriber_s_row_and_erases_nothing_meanwhile()
    {
        var time = new ManualClock(new DateTimeOffset(2025, 6, 23, 8, 0, 0, TimeSpan.Zero));
        await using var db = await OpenAsync(time);
        var (store, outbox) = (db.Subscribers, db.Outbox);
        var id = (await store.AddSubscribersAsync([new(Address, Name)], SubscriberStatus.Active)).AddedIds[0];
        await outbox.EnqueueAsync(Week, "example.org");
        await outbox.ClaimAsync(Week, 10, TestLease);

        var busy = await Assert.ThrowsAsync<DeliveryBusyException>(() => store.ForgetSubscriberAsync(Address));

        Assert.Contains("2025-W26", busy.Message, StringComparison.Ordinal);
        Assert.NotNull(await store.GetSubscriberAsync(id));
        Assert.Null(await store.GetSuppressionAsync(Address));
        time.Advance(TestLease.Duration);
        Assert.Equal(new ForgetResult(id, 1, false), await store.ForgetSubscriberAsync(Address));
    }

    [Fact]
    public async Task Forgetting_an_unknown_address_suppresses_it_and_a_suppressed_one_keeps_its_reason()
    {
        await using var db = await OpenAsync();
        var store = db.Subscribers;
        await store.SuppressAddressAsync("bounced@example.org", SuppressionReason.Bounced);

        Assert.Equal(new ForgetResult(null, 0, false), await store.ForgetSubscriberAsync("stranger@example.org"));
        Assert.Equal(new ForgetResult(null, 0, true), await store.ForgetSubscriberAsync("bounced@example.org"));
        Assert.Equal(SuppressionReason.Unsubscribed, (await store.GetSuppressionAsync("stranger@example.org"))!.Reason);
        Assert.Equal(SuppressionReason.Bounced, (await store.GetSuppressionAsync("bounced@example.org"))!.Reason);
    }
}
