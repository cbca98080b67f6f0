using Roundup.Calendar;
using Roundup.Delivery;

namespace Roundup.Storage.Tests.Contract;

/// <summary>
/// Who an erratum mailing goes to (<see cref="IOutboxStore"/>, whatever the database): those whose copy of the issue
/// was sent and who are still active, fixed at the first enqueue.
/// </summary>
public abstract class ErratumMailingContract : StoreContract
{
    private static readonly MailingKey Week = MailingKey.Parse("2025-W26");
    private const string Domain = "roundup.example.org";

    private static SubscriberImport S(string email) => new(email, null);

    private static async Task SendAllAsync(IOutboxStore store, MailingKey key)
    {
        foreach (var item in await store.ClaimAsync(key, 100, TestLease))
        {
            await store.MarkSentAsync(key, item.Row.SubscriberId, "250 ok");
        }
    }

    [Fact]
    public async Task An_erratum_goes_only_to_active_subscribers_whose_issue_copy_was_sent_and_its_audience_is_fixed_at_first_enqueue()
    {
        await using var db = await OpenAsync();
        var store = db.Outbox;
        var ids = (await db.Subscribers.AddSubscribersAsync([S("sent@example.org"), S("left@example.org"), S("deferred@example.org"), S("pending@example.org"), S("also-sent@example.org")], SubscriberStatus.Active)).AddedIds;
        Assert.Equal(5, await store.EnqueueAsync(Week, Domain));
        var claimed = await store.ClaimAsync(Week, 100, TestLease);
        foreach (var item in claimed)
        {
            var id = item.Row.SubscriberId;
            if (id == ids[2])
            {
                await store.MarkDeferredAsync(Week, id, DateTimeOffset.UtcNow.AddHours(1), "451 later");
            }
            else if (id == ids[3])
            {
                await store.ReleaseAsync(Week, id, TestLease.Sender);
            }
            else
            {
                await store.MarkSentAsync(Week, id, "250 ok");
            }
        }

        await db.Subscribers.SuppressAsync(ids[1], SuppressionReason.Unsubscribed);
        var joined = (await db.Subscribers.AddSubscribersAsync([S("joined-later@example.org")], SubscriberStatus.Active)).AddedIds[0];
        var erratum = MailingKey.ForErratum(Week.Issue, 1);

        var due = await store.ListDueRecipientsAsync(erratum, 0, 100);
        Assert.Equal([ids[0], ids[4]], due.Select(s => s.Id));
        Assert.Equal(2, await store.EnqueueAsync(erratum, Domain));
        Assert.NotNull(await store.GetOutboxRowAsync(erratum, ids[0]));
        Assert.Null(await store.GetOutboxRowAsync(erratum, joined));
        Assert.Null(await store.GetOutboxRowAsync(erratum, ids[2]));

        // The deferred and the pending reader get the issue now (it shows the correction): the erratum gains nobody.
        await store.MarkSentAsync(Week, ids[2], "250 ok");
        await SendAllAsync(store, Week);
        Assert.Equal(5, (await store.CountAsync(Week)).Sent);
        Assert.Equal(0, await store.EnqueueAsync(erratum, Domain));
        Assert.Equal([ids[0], ids[4]], (await store.ListDueRecipientsAsync(erratum, 0, 100)).Select(s => s.Id));

        await SendAllAsync(store, erratum);
        Assert.Empty(await store.ListDueRecipientsAsync(erratum, 0, 100));
        Assert.Equal(2, (await store.CountAsync(erratum)).Sent);

        // A second erratum is a mailing of its own, to every active reader the issue has reached by now.
        var second = MailingKey.ForErratum(Week.Issue, 2);
        Assert.Equal(4, await store.EnqueueAsync(second, Domain));
        Assert.Null(await store.GetOutboxRowAsync(second, ids[1]));
        Assert.Null(await store.GetOutboxRowAsync(second, joined));
    }

    [Fact]
    public async Task An_issue_mailing_is_not_limited_and_an_erratum_before_the_issue_was_sent_goes_to_nobody()
    {
        await using var db = await OpenAsync();
        var store = db.Outbox;
        await db.Subscribers.AddSubscribersAsync([S("a@example.org"), S("b@example.org")], SubscriberStatus.Active);
        Assert.Equal(2, (await store.ListDueRecipientsAsync(Week, 0, 10)).Count);
        Assert.Equal(0, await store.EnqueueAsync(MailingKey.ForErratum(Week.Issue, 1), Domain));
        Assert.Equal(2, await store.EnqueueAsync(Week, Domain));
    }

    [Fact]
    public async Task Errata_of_one_issue_do_not_reach_the_readers_of_another()
    {
        await using var db = await OpenAsync();
        var store = db.Outbox;
        var ids = (await db.Subscribers.AddSubscribersAsync([S("a@example.org"), S("b@example.org")], SubscriberStatus.Active)).AddedIds;
        var next = MailingKey.ForIssue(Week.Issue.Next());
        await store.EnqueueAsync(Week, Domain, onlySubscriber: ids[0]);
        await store.EnqueueAsync(next, Domain, onlySubscriber: ids[1]);
        await SendAllAsync(store, Week);
        await SendAllAsync(store, next);

        var erratum = MailingKey.ForErratum(Week.Issue, 1);
        Assert.Equal([ids[0]], (await store.ListDueRecipientsAsync(erratum, 0, 10)).Select(s => s.Id));
        Assert.Equal(1, await store.EnqueueAsync(erratum, Domain));
        Assert.Equal(erratum, (await store.GetOutboxRowAsync(erratum, ids[0]))!.Mailing);
        Assert.Null(await store.GetOutboxRowAsync(erratum, ids[1]));
    }
}
