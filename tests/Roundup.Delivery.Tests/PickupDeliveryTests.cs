using System.Text.RegularExpressions;
using Roundup.Delivery.Sending;
using Roundup.Delivery.Subscribers;
using Roundup.Delivery.Transport;

namespace Roundup.Delivery.Tests;

public sealed class PickupDeliveryTests : IAsyncLifetime
{
    private DeliveryFixture _f = null!;

    public async ValueTask InitializeAsync() => _f = await DeliveryFixture.CreateAsync();

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    private string Pickup => _f.Dir.File("pickup");

    private string[] Files() => Directory.GetFiles(Pickup, "*.eml");

    [Fact]
    public async Task Every_active_subscriber_gets_one_file_and_a_second_run_sends_nothing()
    {
        await _f.AddReadersAsync(5);
        await _f.Store.AddSubscribersAsync([new SubscriberImport("pending@mail.example.org", null)], SubscriberStatus.Pending);

        var first = await _f.Run(new PickupFolder(Pickup)).RunAsync(DeliveryFixture.Week, new TestContent());
        var second = await _f.Run(new PickupFolder(Pickup)).RunAsync(DeliveryFixture.Week, new TestContent());

        Assert.Equal((5, 5, 0, 0), (first.Enqueued, first.Sent, first.Failed, first.Deferred));
        Assert.Equal((0, 0), (second.Enqueued, second.Sent));
        Assert.Equal(5, second.Totals.Sent);
        var recipients = Files().Select(f => DeliveryFixture.Parse(f).To.Mailboxes.Single().Address).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 5).Select(DeliveryFixture.Address), recipients);
        Assert.StartsWith("pickup folder", first.Destination, StringComparison.Ordinal);
        _f.AssertNoAddressInLogs();
    }

    [Fact]
    public async Task An_unsubscribe_through_the_link_is_honoured_by_the_next_send()
    {
        var ids = await _f.AddReadersAsync(3);
        await _f.Run(new PickupFolder(Pickup)).RunAsync(DeliveryFixture.Week, new TestContent());
        var toBob = Files().Select(DeliveryFixture.Parse).Single(m => m.To.Mailboxes.Single().Address == DeliveryFixture.Address(2));
        var token = Regex.Match(toBob.Headers["List-Unsubscribe"]!, "t=([^>]+)>").Groups[1].Value;

        var outcome = await new SubscriptionLinks(_f.Store, _f.Signer).UnsubscribeAsync(token);
        Assert.True(outcome.Done, outcome.Message);
        Assert.Equal(ids[1], outcome.SubscriberId);

        var nextWeek = await _f.Run(new PickupFolder(_f.Dir.File("pickup-w27"))).RunAsync(MailingKey.Parse("2025-W27"), new TestContent());
        Assert.Equal(2, nextWeek.Sent);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await _f.Store.GetSubscriberAsync(ids[1]))!.Status);
        Assert.Null(await _f.Store.GetOutboxRowAsync(MailingKey.Parse("2025-W27"), ids[1]));
    }

    [Fact]
    public async Task A_subscriber_who_leaves_between_enqueue_and_send_is_counted_suppressed()
    {
        var ids = await _f.AddReadersAsync(3);
        await _f.Store.EnqueueAsync(DeliveryFixture.Week, _f.List.Domain);
        await _f.Store.SuppressAsync(ids[0], SuppressionReason.Complained);

        var report = await _f.Run(new PickupFolder(Pickup)).RunAsync(DeliveryFixture.Week, new TestContent());

        Assert.Equal((2, 1), (report.Sent, report.Suppressed));
        Assert.Equal(2, Files().Length);
    }

    [Fact]
    public async Task Rows_a_dead_run_left_sending_are_resent_with_the_same_message_id_once_its_lease_ends()
    {
        var ids = await _f.AddReadersAsync(4);
        await _f.Store.EnqueueAsync(DeliveryFixture.Week, _f.List.Domain);
        var stranded = await _f.Store.ClaimAsync(DeliveryFixture.Week, 2, new OutboxLease("dead-run", TimeSpan.FromSeconds(1)));

        var report = await _f.Run(new PickupFolder(Pickup)).RunAsync(DeliveryFixture.Week, new TestContent());

        Assert.Equal((2, 4), (report.Resumed, report.Sent));
        var byId = Files().Select(DeliveryFixture.Parse).ToDictionary(m => m.MessageId!);
        Assert.Equal(4, byId.Count);
        Assert.All(stranded, s => Assert.Contains(s.Row.MessageId, byId.Keys));
        Assert.Equal(2, (await _f.Store.GetOutboxRowAsync(DeliveryFixture.Week, ids[0]))!.Attempts);
    }

    [Fact]
    public async Task A_batch_sends_at_most_its_size_and_returns_without_waiting_for_another_senders_rows()
    {
        await _f.AddReadersAsync(7);
        await _f.Store.EnqueueAsync(DeliveryFixture.Week, _f.List.Domain);
        // Another sender holds one row under a live lease: a whole run would wait for it, a batch does not.
        await _f.Store.ClaimAsync(DeliveryFixture.Week, 1, new OutboxLease("other-sender", TimeSpan.FromMinutes(5)));
        var options = new DeliveryOptions { RetryDelay = TimeSpan.FromMilliseconds(10), BatchSize = 2 };

        var first = await _f.Run(new PickupFolder(Pickup), options).RunBatchAsync(DeliveryFixture.Week, new TestContent(), 4);
        var second = await _f.Run(new PickupFolder(Pickup), options).RunBatchAsync(DeliveryFixture.Week, new TestContent(), 4);
        var third = await _f.Run(new PickupFolder(Pickup), options).RunBatchAsync(DeliveryFixture.Week, new TestContent(), 4);

        Assert.Equal(new DeliveryBatchReport(4, 0, 4, 0, 0), first);
        Assert.Equal(new DeliveryBatchReport(2, 0, 2, 0, 0), second);
        Assert.Equal(new DeliveryBatchReport(0, 0, 0, 0, 0), third);
        Assert.Equal(6, Files().Length);
        Assert.Equal(new DeliveryCounts(0, 1, 6, 0, 0, 0), await _f.Store.CountAsync(DeliveryFixture.Week));
    }

    [Fact]
    public async Task Only_sends_to_the_one_subscriber_and_the_full_run_later_skips_them()
    {
        var ids = await _f.AddReadersAsync(3);
        var only = await _f.Run(new PickupFolder(Pickup)).RunAsync(DeliveryFixture.Week, new TestContent(), onlySubscriber: ids[2]);
        Assert.Equal((1, 1), (only.Enqueued, only.Sent));
        var rest = await _f.Run(new PickupFolder(Pickup)).RunAsync(DeliveryFixture.Week, new TestContent());
        Assert.Equal((2, 2, 3), (rest.Enqueued, rest.Sent, rest.Totals.Sent));
        Assert.Equal(3, Files().Length);
    }

    [Fact]
    public async Task A_dry_run_builds_every_message_and_changes_nothing()
    {
        await _f.AddReadersAsync(3);
        var preview = await _f.Run(new PickupFolder(Pickup)).PreviewAsync(DeliveryFixture.Week, new TestContent());
        Assert.Equal(3, preview.Recipients);
        Assert.Equal("Roundup 2025-W26: sparse attention, faster", preview.Subject);
        Assert.Equal(0, (await _f.Store.CountAsync(DeliveryFixture.Week)).Total);
        Assert.False(Directory.Exists(Pickup));

        var broken = await Assert.ThrowsAsync<FormatException>(() => _f.Run(new PickupFolder(Pickup)).PreviewAsync(DeliveryFixture.Week, new TestContent("two\nlines")));
        Assert.Contains("subject", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subject_with_a_line_break_stops_the_run_and_leaves_the_rows_for_later()
    {
        await _f.AddReadersAsync(3);
        var e = await Assert.ThrowsAsync<DeliveryException>(() => _f.Run(new PickupFolder(Pickup)).RunAsync(DeliveryFixture.Week, new TestContent("Issue\r\nBcc: all@example.org")));
        Assert.Contains("cannot be built", e.Message, StringComparison.Ordinal);
        var counts = await _f.Store.CountAsync(DeliveryFixture.Week);
        Assert.Equal((0, 0), (counts.Sent, counts.Sending));
        Assert.False(Directory.Exists(Pickup) && Files().Length > 0);
    }

    [Fact]
    public async Task Confirmation_messages_go_to_pending_subscribers_and_their_link_activates_them()
    {
        var added = await _f.Store.AddSubscribersAsync([new SubscriberImport("new@mail.example.org", "New")], SubscriberStatus.Pending);
        var sent = await new ConfirmationMailer(_f.Store, new PickupFolder(Pickup), _f.Builder, _f.Logs).SendAsync(added.AddedIds);
        Assert.Equal(1, sent);
        var message = DeliveryFixture.Parse(Assert.Single(Files()));
        var token = Regex.Match(message.TextBody!, "confirm\\?t=(\\S+)").Groups[1].Value;

        var links = new SubscriptionLinks(_f.Store, _f.Signer);
        Assert.False((await links.UnsubscribeAsync(token)).Done);
        var outcome = await links.ConfirmAsync(token);
        Assert.True(outcome.Done, outcome.Message);
        Assert.Equal(SubscriberStatus.Active, (await _f.Store.GetSubscriberAsync(added.AddedIds[0]))!.Status);
    }

    [Fact]
    public async Task Three_runs_on_their_own_connections_share_the_mailing_and_write_each_message_once()
    {
        await _f.AddReadersAsync(90);
        var options = new DeliveryOptions { BatchSize = 4, Connections = 2, Lease = TimeSpan.FromSeconds(30) };

        async Task<DeliveryReport> SendAsync()
        {
            await using var store = await Storage.Sqlite.SqliteDeliveryStore.OpenAsync(_f.DatabasePath);
            var run = new DeliveryRun(store, new PickupFolder(Pickup), _f.Builder, options, TimeProvider.System, _f.Logs);
            return await run.RunAsync(DeliveryFixture.Week, new TestContent());
        }

        var reports = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(SendAsync)));

        Assert.Equal(90, reports.Sum(r => r.Sent));
        Assert.Equal(90, reports.Sum(r => r.Enqueued));
        Assert.All(reports, r => Assert.Equal(0, r.Resumed));
        var messages = Files().Select(DeliveryFixture.Parse).ToList();
        Assert.Equal(90, messages.Count);
        Assert.Equal(90, messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(90, messages.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        Assert.Equal(new DeliveryCounts(0, 0, 90, 0, 0, 0), await _f.Store.CountAsync(DeliveryFixture.Week));
    }
}
