using Roundup.Delivery;

namespace Roundup.Storage.Tests.Contract;

/// <summary>What every store must do with subscribers and the suppression list (<see cref="ISubscriberStore"/>), whatever the database.</summary>
public abstract partial class SubscriberStoreContract : StoreContract
{
    private static SubscriberImport S(string email, string? name = null) => new(email, name);

    [Fact]
    public async Task Import_adds_new_addresses_updates_names_and_counts_duplicates_whatever_their_case()
    {
        await using var db = await OpenAsync();
        var store = db.Subscribers;
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
        await using var db = await OpenAsync();
        var store = db.Subscribers;
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
    public async Task Confirming_turns_only_a_pending_subscriber_active()
    {
        await using var db = await OpenAsync();
        var store = db.Subscribers;
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
    public async Task Subscribers_are_listed_by_id_in_pages_and_by_status()
    {
        await using var db = await OpenAsync();
        var store = db.Subscribers;
        var active = (await store.AddSubscribersAsync([.. Enumerable.Range(1, 5).Select(i => S($"a{i}@example.org"))], SubscriberStatus.Active)).AddedIds;
        var pending = (await store.AddSubscribersAsync([S("p1@example.org"), S("p2@example.org")], SubscriberStatus.Pending)).AddedIds;

        var first = await store.ListSubscribersAsync(limit: 3);
        var rest = await store.ListSubscribersAsync(afterId: first[^1].Id);
        Assert.Equal([.. active, .. pending], first.Concat(rest).Select(s => s.Id));
        Assert.Equal(pending, (await store.ListSubscribersAsync(SubscriberStatus.Pending)).Select(s => s.Id));
        Assert.Equal(active.Skip(2), (await store.ListSubscribersAsync(SubscriberStatus.Active, afterId: active[1])).Select(s => s.Id));
        Assert.Empty(await store.ListSubscribersAsync(SubscriberStatus.Bounced));
    }

    [Fact]
    public async Task A_sign_up_adds_a_pending_address_and_a_confirmation_is_due_again_only_after_the_interval()
    {
        var time = new ManualClock(new DateTimeOffset(2025, 6, 23, 8, 0, 0, TimeSpan.Zero));
        var interval = TimeSpan.FromMinutes(10);
        await using var db = await OpenAsync(time);
        var store = db.Subscribers;

        var added = await store.SignUpAsync(S("ada@example.org", "Ada"), interval);
        Assert.Equal(SignUpOutcome.Added, added.Outcome);
        var ada = await store.GetSubscriberAsync(added.SubscriberId!.Value);
        Assert.Equal((SubscriberStatus.Pending, "Ada"), (ada!.Status, ada.Name));

        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(new SignUpResult(SignUpOutcome.TooSoon, ada.Id), await store.SignUpAsync(S("ADA@example.org", "Someone else"), interval));
        Assert.Equal("Ada", (await store.FindSubscriberAsync("ada@example.org"))!.Name);

        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(new SignUpResult(SignUpOutcome.Resend, ada.Id), await store.SignUpAsync(S("ada@example.org"), interval));
        Assert.Equal(SignUpOutcome.TooSoon, (await store.SignUpAsync(S("ada@example.org"), interval)).Outcome);
        Assert.Single(await store.ListSubscribersAsync());
    }

    [Fact]
    public async Task A_sign_up_never_changes_an_active_or_suppressed_subscriber()
    {
        await using var db = await OpenAsync();
        var store = db.Subscribers;
        var ids = (await store.AddSubscribersAsync([S("active@example.org", "Active"), S("left@example.org")], SubscriberStatus.Active)).AddedIds;
        await store.SuppressAsync(ids[1], SuppressionReason.Unsubscribed);
        await store.SuppressAddressAsync("complained@example.org", SuppressionReason.Complained);

        Assert.Equal(new SignUpResult(SignUpOutcome.AlreadyActive, ids[0]), await store.SignUpAsync(S("active@example.org", "New name"), TimeSpan.Zero));
        Assert.Equal(new SignUpResult(SignUpOutcome.Suppressed, ids[1]), await store.SignUpAsync(S("left@example.org"), TimeSpan.Zero));
        Assert.Equal(new SignUpResult(SignUpOutcome.Suppressed, null), await store.SignUpAsync(S("complained@example.org"), TimeSpan.Zero));

        Assert.Equal("Active", (await store.FindSubscriberAsync("active@example.org"))!.Name);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await store.GetSubscriberAsync(ids[1]))!.Status);
        Assert.Null(await store.FindSubscriberAsync("complained@example.org"));
    }
}
