using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MimeKit;
using Roundup.Delivery.Sending;
using Roundup.Delivery.Tokens;
using Roundup.Delivery.Transport;
using Roundup.Testing.Smtp;

namespace Roundup.Delivery.Tests;

/// <summary>Delivery through MailKit to a real SMTP server (aiosmtpd) on 127.0.0.1, read back from its Maildir.</summary>
public sealed class SmtpDeliveryTests : IAsyncLifetime
{
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

    private Task<SmtpSink> SinkAsync(SmtpSinkOptions? options = null, string name = "smtp") => SmtpSink.StartAsync(_f.Dir.File(name), options);

    private static List<MimeMessage> Delivered(SmtpSink sink) => sink.MessageFiles().Select(DeliveryFixture.Parse).ToList();

    private static Dictionary<string, int> CopiesPerRecipient(SmtpSink sink) =>
        Delivered(sink).GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public async Task Delivered_messages_carry_both_parts_their_outbox_id_and_a_personal_unsubscribe_link()
    {
        var ids = await _f.AddReadersAsync(3);
        await using var sink = await SinkAsync();

        var report = await _f.Run(DeliveryFixture.Smtp(sink.Port)).RunAsync(DeliveryFixture.Week, new TestContent());

        Assert.Equal((3, 0, 0), (report.Sent, report.Failed, report.Deferred));
        Assert.Equal(3, report.Totals.Sent);
        var messages = Delivered(sink);
        Assert.Equal(3, messages.Count);
        foreach (var (id, i) in ids.Select((id, i) => (id, i + 1)))
        {
            var message = messages.Single(m => m.To.Mailboxes.Single().Address == DeliveryFixture.Address(i));
            var row = (await _f.Store.GetOutboxRowAsync(DeliveryFixture.Week, id))!;
            Assert.Equal(row.MessageId, message.MessageId);
            Assert.StartsWith("250", row.LastAnswer, StringComparison.Ordinal);
            Assert.Equal("issues@roundup.example.org", message.From.Mailboxes.Single().Address);
            Assert.Equal($"Reader {i}", message.To.Mailboxes.Single().Name);
            Assert.Equal("Roundup 2025-W26: sparse attention, faster", message.Subject);
            Assert.Equal(["text/plain", "text/html"], Assert.IsType<MultipartAlternative>(message.Body).Select(p => p.ContentType.MimeType));
            Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
            var link = Regex.Match(message.Headers["List-Unsubscribe"]!, "<(https://[^>]+t=([^>]+))>");
            var token = _f.Signer.Check(link.Groups[2].Value, TokenPurpose.Unsubscribe);
            Assert.Equal((id, DeliveryFixture.Week.ToString()), (token.Token!.SubscriberId, token.Token.Week));
            Assert.Contains(link.Groups[1].Value, message.TextBody, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(link.Groups[1].Value), message.HtmlBody, StringComparison.Ordinal);
        }

        _f.AssertNoAddressInLogs();
    }

    [Fact]
    public async Task A_451_is_retried_with_backoff_and_the_message_goes_out_once()
    {
        await _f.AddReadersAsync(3);
        await using var sink = await SinkAsync(new SmtpSinkOptions { FailOnce = [DeliveryFixture.Address(2)] });

        var report = await _f.Run(DeliveryFixture.Smtp(sink.Port), new DeliveryOptions { Connections = 1, RetryDelay = TimeSpan.FromMilliseconds(50) }).RunAsync(DeliveryFixture.Week, new TestContent());

        Assert.Equal((3, 0, 0), (report.Sent, report.Deferred, report.Failed));
        Assert.All(CopiesPerRecipient(sink).Values, copies => Assert.Equal(1, copies));
        Assert.Equal(3, CopiesPerRecipient(sink).Count);
        Assert.Contains(_f.Logs.Entries, e => e.Message.Contains("retry 1", StringComparison.Ordinal) && e.Message.Contains("451", StringComparison.Ordinal));
        _f.AssertNoAddressInLogs();
    }

    [Fact]
    public async Task A_451_without_retries_left_defers_the_row_and_the_next_run_sends_it()
    {
        var ids = await _f.AddReadersAsync(2);
        await using var sink = await SinkAsync(new SmtpSinkOptions { FailOnce = [DeliveryFixture.Address(1)] });
        var options = new DeliveryOptions { Retries = 0, DeferDelay = TimeSpan.FromMilliseconds(300) };

        var first = await _f.Run(DeliveryFixture.Smtp(sink.Port), options).RunAsync(DeliveryFixture.Week, new TestContent());
        var deferred = (await _f.Store.GetOutboxRowAsync(DeliveryFixture.Week, ids[0]))!;
        var second = await _f.Run(DeliveryFixture.Smtp(sink.Port), options with { WaitForDeferred = TimeSpan.FromSeconds(10) }).RunAsync(DeliveryFixture.Week, new TestContent());

        Assert.Equal((1, 1), (first.Sent, first.Deferred));
        Assert.Equal(OutboxState.Deferred, deferred.State);
        Assert.StartsWith("451 ", deferred.LastAnswer, StringComparison.Ordinal);
        Assert.Contains("<address>", deferred.LastAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("@", deferred.LastAnswer, StringComparison.Ordinal);
        Assert.Equal((1, 0, 2), (second.Sent, second.Deferred, second.Totals.Sent));
        Assert.Equal(2, (await _f.Store.GetOutboxRowAsync(DeliveryFixture.Week, ids[0]))!.Attempts);
        Assert.Equal(1, CopiesPerRecipient(sink)[DeliveryFixture.Address(1)]);
    }

    [Fact]
    public async Task A_550_for_one_address_fails_it_suppresses_it_and_delivers_the_others()
    {
        var ids = await _f.AddReadersAsync(4);
        await using var sink = await SinkAsync(new SmtpSinkOptions { Reject = [DeliveryFixture.Address(3)] });

        var report = await _f.Run(DeliveryFixture.Smtp(sink.Port)).RunAsync(DeliveryFixture.Week, new TestContent());

        Assert.Equal((3, 1), (report.Sent, report.Failed));
        Assert.Equal(new DeliveryCounts(0, 0, 3, 0, 1, 0), report.Totals);
        var failed = (await _f.Store.GetOutboxRowAsync(DeliveryFixture.Week, ids[2]))!;
        Assert.StartsWith("550 ", failed.LastAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("@", failed.LastAnswer, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Bounced, (await _f.Store.GetSubscriberAsync(ids[2]))!.Status);
        Assert.Equal(SuppressionReason.Bounced, (await _f.Store.GetSuppressionAsync(DeliveryFixture.Address(3)))!.Reason);
        Assert.DoesNotContain(DeliveryFixture.Address(3), CopiesPerRecipient(sink).Keys);

        var nextWeek = await _f.Run(DeliveryFixture.Smtp(sink.Port)).RunAsync(MailingKey.Parse("2025-W27"), new TestContent());
        Assert.Equal((3, 3, 0), (nextWeek.Enqueued, nextWeek.Sent, nextWeek.Failed));
        _f.AssertNoAddressInLogs();
    }

    [Fact]
    public async Task A_run_stopped_while_the_server_stalls_resumes_and_every_subscriber_gets_exactly_one_copy()
    {
        var ids = await _f.AddReadersAsync(12);
        var options = new DeliveryOptions { Connections = 3, BatchSize = 4, RetryDelay = TimeSpan.FromMilliseconds(10) };
        using var stop = new CancellationTokenSource();
        Task<DeliveryReport> interrupted;
        await using (var stalling = await SinkAsync(new SmtpSinkOptions { StallAfter = 5 }))
        {
            interrupted = _f.Run(DeliveryFixture.Smtp(stalling.Port), options).RunAsync(DeliveryFixture.Week, new TestContent(), cancellationToken: stop.Token);
            await SmtpSink.WaitUntilAsync(() => stalling.IsStalled, TimeSpan.FromSeconds(30), "the server to stall");
            await SmtpSink.WaitUntilAsync(async () => (await _f.Store.CountAsync(DeliveryFixture.Week)).Sent == 5, TimeSpan.FromSeconds(30), "five rows marked sent");
            var midway = await _f.Store.CountAsync(DeliveryFixture.Week);
            Assert.True(midway.Sending > 0, $"rows in flight when stopped: {midway}");
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => interrupted);
        }

        await using var healthy = await SinkAsync(name: "smtp");
        var resumed = await _f.Run(DeliveryFixture.Smtp(healthy.Port), options).RunAsync(DeliveryFixture.Week, new TestContent());

        Assert.True(resumed.Resumed > 0);
        Assert.Equal(7, resumed.Sent);
        Assert.Equal(12, resumed.Totals.Sent);
        var copies = CopiesPerRecipient(healthy);
        Assert.Equal(Enumerable.Range(1, 12).Select(DeliveryFixture.Address).Order(), copies.Keys.Order());
        Assert.All(copies.Values, c => Assert.Equal(1, c));
        var messageIds = Delivered(healthy).Select(m => m.MessageId).ToHashSet();
        foreach (var id in ids)
        {
            Assert.Contains((await _f.Store.GetOutboxRowAsync(DeliveryFixture.Week, id))!.MessageId, messageIds);
        }
    }

    [Fact]
    public async Task Several_connections_share_the_rate_limit()
    {
        await _f.AddReadersAsync(21);
        await using var sink = await SinkAsync();
        var clock = Stopwatch.StartNew();

        var report = await _f.Run(DeliveryFixture.Smtp(sink.Port), new DeliveryOptions { Connections = 4, MessagesPerSecond = 40 }).RunAsync(DeliveryFixture.Week, new TestContent());

        Assert.Equal(21, report.Sent);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(480), $"21 messages at 40/s took {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(21, CopiesPerRecipient(sink).Count);
    }

    [Fact]
    public async Task The_relay_s_credentials_are_used_and_wrong_ones_stop_the_run_clearly()
    {
        await _f.AddReadersAsync(2);
        await using var sink = await SinkAsync(new SmtpSinkOptions { Auth = "roundup:s3cret-pass" });

        var refused = await Assert.ThrowsAsync<DeliveryException>(() => _f.Run(DeliveryFixture.Smtp(sink.Port, "roundup", "wrong")).RunAsync(DeliveryFixture.Week, new TestContent()));
        Assert.True(refused.Message.Contains("refused the credentials", StringComparison.Ordinal), refused.ToString());
        Assert.DoesNotContain("wrong", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await _f.Store.CountAsync(DeliveryFixture.Week)).Pending);

        var report = await _f.Run(DeliveryFixture.Smtp(sink.Port, "roundup", "s3cret-pass")).RunAsync(DeliveryFixture.Week, new TestContent());
        Assert.Equal(2, report.Sent);
        Assert.Equal(2, sink.MessageFiles().Count);
    }

    [Fact]
    public async Task An_unreachable_relay_stops_the_run_and_leaves_every_row_pending()
    {
        await _f.AddReadersAsync(3);
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var e = await Assert.ThrowsAsync<DeliveryException>(() => _f.Run(DeliveryFixture.Smtp(port), new DeliveryOptions { Retries = 1, RetryDelay = TimeSpan.FromMilliseconds(10) }).RunAsync(DeliveryFixture.Week, new TestContent()));

        Assert.Contains($"cannot deliver through smtp://127.0.0.1:{port}", e.Message, StringComparison.Ordinal);
        Assert.Equal(new DeliveryCounts(3, 0, 0, 0, 0, 0), await _f.Store.CountAsync(DeliveryFixture.Week));
    }
}
