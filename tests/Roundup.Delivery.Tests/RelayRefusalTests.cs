using MimeKit;
using Roundup.Delivery.Sending;
using Roundup.Delivery.Transport;
using Roundup.Testing.Smtp;

namespace Roundup.Delivery.Tests;

/// <summary>
/// A relay that refuses us, told from one that refuses a recipient, against a real SMTP server (aiosmtpd): the run
/// stops with the relay's words, blames nobody, and a healthy relay then delivers each subscriber one copy.
/// </summary>
public sealed class RelayRefusalTests : IAsyncLifetime
{
    private static readonly MailingKey Week = DeliveryFixture.Week;
    private DeliveryFixture _f = null!;

    public async ValueTask InitializeAsync()
    {
        SmtpSink.RequireAvailable();
        _f = await DeliveryFixture.CreateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_f is not null)
        {
            await _f.DisposeAsync();
        }
    }

    private static DeliveryOptions Options(int connections = 4) => new() { Connections = connections, BatchSize = 10, RetryDelay = TimeSpan.FromMilliseconds(10) };

    private Task<SmtpSink> SinkAsync(string name, SmtpSinkOptions? options = null) => SmtpSink.StartAsync(_f.Dir.File(name), options);

    private static Dictionary<string, int> CopiesPerRecipient(SmtpSink sink) =>
        sink.MessageFiles().Select(f => MimeMessage.Load(f)).GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Count());

    private async Task RefusedWithoutBlameAsync(SmtpSinkOptions refusing, int readers, DeliveryOptions options, params string[] said)
    {
        await using (var sink = await SinkAsync("refusing", refusing))
        {
            var e = await Assert.ThrowsAsync<DeliveryException>(() => _f.Run(DeliveryFixture.Smtp(sink.Port), options).RunAsync(Week, new TestContent()));
            foreach (var words in said)
            {
                Assert.True(e.Message.Contains(words, StringComparison.Ordinal), $"'{words}' not in: {e.Message}");
            }

            Assert.Contains("no address was suppressed", e.Message, StringComparison.Ordinal);
            Assert.Empty(sink.MessageFiles());
        }

        Assert.Equal(new DeliveryCounts(readers, 0, 0, 0, 0, 0), await _f.Store.CountAsync(Week));
        Assert.Empty(await _f.Store.ListSuppressionsAsync());
        Assert.All(await _f.Store.ListSubscribersAsync(), s => Assert.Equal(SubscriberStatus.Active, s.Status));
    }

    private async Task HealthyRelaySendsEachOneCopyAsync(int readers, DeliveryOptions options)
    {
        await using var healthy = await SinkAsync("healthy");
        var report = await _f.Run(DeliveryFixture.Smtp(healthy.Port), options).RunAsync(Week, new TestContent());

        Assert.Equal((readers, 0, 0), (report.Sent, report.Failed, report.Deferred));
        Assert.True(report.Finished);
        var copies = CopiesPerRecipient(healthy);
        Assert.Equal(Enumerable.Range(1, readers).Select(DeliveryFixture.Address).Order(), copies.Keys.Order());
        Assert.All(copies.Values, c => Assert.Equal(1, c));
        _f.AssertNoAddressInLogs();
    }

    [Fact]
    public async Task A_554_to_every_message_stops_the_run_with_the_relay_s_words_and_leaves_every_row_to_send()
    {
        await _f.AddReadersAsync(40);

        await RefusedWithoutBlameAsync(new SmtpSinkOptions { RefuseData = "554 5.7.1 policy" }, 40, Options(), "the relay refused the message itself (554 5.7.1 policy)");
        await HealthyRelaySendsEachOneCopyAsync(40, Options());
    }

    [Fact]
    public async Task The_same_refusal_for_recipients_in_a_row_is_the_relay_s_and_suppresses_nobody()
    {
        await _f.AddReadersAsync(12);

        await RefusedWithoutBlameAsync(
            new SmtpSinkOptions { RefuseRecipients = "554 5.7.1 Relay access denied" },
            12,
            Options(connections: 2),
            "the relay refused 5 recipients in a row with the same answer (554 5.7.1 Relay access denied)",
            "Mail:SameRefusalsInARow");
        await HealthyRelaySendsEachOneCopyAsync(12, Options(connections: 2));
    }

    [Fact]
    public async Task A_list_shorter_than_the_limit_refused_whole_with_one_answer_is_refused_by_the_relay_too()
    {
        await _f.AddReadersAsync(3);

        await RefusedWithoutBlameAsync(new SmtpSinkOptions { RefuseRecipients = "554 5.7.1 Relay access denied" }, 3, Options(), "every one of the run's 3 messages was refused with the same answer (554 5.7.1 Relay access denied)");
        await HealthyRelaySendsEachOneCopyAsync(3, Options());
    }

    [Fact]
    public async Task Refused_addresses_among_accepted_ones_fail_and_are_suppressed_even_several_in_a_row()
    {
        var ids = await _f.AddReadersAsync(7);
        await using var sink = await SinkAsync("smtp", new SmtpSinkOptions { Reject = [DeliveryFixture.Address(2), DeliveryFixture.Address(3), DeliveryFixture.Address(4), DeliveryFixture.Address(7)] });

        var report = await _f.Run(DeliveryFixture.Smtp(sink.Port), Options(connections: 1)).RunAsync(Week, new TestContent());

        Assert.Equal((3, 4), (report.Sent, report.Failed));
        Assert.Equal(4, (await _f.Store.ListSuppressionsAsync()).Count);
        Assert.True(report.Finished);
        Assert.Equal(0, report.Retryable);
        foreach (var i in new[] { 2, 3, 4, 7 })
        {
            Assert.Equal(OutboxState.Failed, (await _f.Store.GetOutboxRowAsync(Week, ids[i - 1]))!.State);
            Assert.Equal(SuppressionReason.Bounced, (await _f.Store.GetSuppressionAsync(DeliveryFixture.Address(i)))!.Reason);
        }

        Assert.Equal([1, 5, 6], CopiesPerRecipient(sink).Keys.Select(a => int.Parse(a[6..9], System.Globalization.CultureInfo.InvariantCulture)).Order());
        _f.AssertNoAddressInLogs();
    }

    [Fact]
    public async Task Five_refused_addresses_in_a_row_stop_the_run_until_told_to_believe_each_refusal()
    {
        await _f.AddReadersAsync(7);
        var bad = Enumerable.Range(1, 5).Select(DeliveryFixture.Address).ToList();
        await using var sink = await SinkAsync("smtp", new SmtpSinkOptions { Reject = bad });

        var e = await Assert.ThrowsAsync<DeliveryException>(() => _f.Run(DeliveryFixture.Smtp(sink.Port), Options(connections: 1)).RunAsync(Week, new TestContent()));
        Assert.Contains("5 recipients in a row with the same answer (550 5.1.1 <address>:", e.Message, StringComparison.Ordinal);
        Assert.Equal(new DeliveryCounts(7, 0, 0, 0, 0, 0), await _f.Store.CountAsync(Week));
        Assert.Empty(await _f.Store.ListSuppressionsAsync());

        var believing = await _f.Run(DeliveryFixture.Smtp(sink.Port), Options(connections: 1) with { SameRefusalsInARow = 0 }).RunAsync(Week, new TestContent());
        Assert.Equal((2, 5), (believing.Sent, believing.Failed));
        Assert.Equal(5, (await _f.Store.ListSuppressionsAsync()).Count);
    }

    [Fact]
    public async Task Retrying_failed_messages_sends_each_once_with_its_Message_ID_and_leaves_refused_addresses_alone()
    {
        var ids = await _f.AddReadersAsync(4);
        await using var sink = await SinkAsync("smtp", new SmtpSinkOptions { FailOnce = [DeliveryFixture.Address(1)], Reject = [DeliveryFixture.Address(3)] });
        var options = Options(connections: 1) with { Retries = 0, MaxAttempts = 1 };

        var first = await _f.Run(DeliveryFixture.Smtp(sink.Port), options).RunAsync(Week, new TestContent());
        var failed = (await _f.Store.GetOutboxRowAsync(Week, ids[0]))!;
        Assert.Equal((2, 2, 1), (first.Sent, first.Failed, first.Retryable));
        Assert.False(first.Finished);
        Assert.Equal(OutboxState.Failed, failed.State);
        Assert.StartsWith("451 ", failed.LastAnswer, StringComparison.Ordinal);

        var plain = await _f.Run(DeliveryFixture.Smtp(sink.Port), options).RunAsync(Week, new TestContent());
        Assert.Equal((0, 0, 1), (plain.Sent, plain.Retried, plain.Retryable));

        var retried = await _f.Run(DeliveryFixture.Smtp(sink.Port), options).RunAsync(Week, new TestContent(), retryFailed: true);
        Assert.Equal((1, 1, 0), (retried.Retried, retried.Sent, retried.Retryable));
        Assert.True(retried.Finished);
        var sent = (await _f.Store.GetOutboxRowAsync(Week, ids[0]))!;
        Assert.Equal((OutboxState.Sent, failed.MessageId), (sent.State, sent.MessageId));
        Assert.Equal(OutboxState.Failed, (await _f.Store.GetOutboxRowAsync(Week, ids[2]))!.State);

        var again = await _f.Run(DeliveryFixture.Smtp(sink.Port), options).RunAsync(Week, new TestContent(), retryFailed: true);
        Assert.Equal((0, 0), (again.Retried, again.Sent));
        var copies = CopiesPerRecipient(sink);
        Assert.Equal([DeliveryFixture.Address(1), DeliveryFixture.Address(2), DeliveryFixture.Address(4)], copies.Keys.Order());
        Assert.All(copies.Values, c => Assert.Equal(1, c));
    }
}
