using MimeKit;
using Roundup.Delivery;
using Roundup.Issues;
using Roundup.Storage.Sqlite;
using Roundup.Testing;
using Roundup.Testing.Smtp;

namespace Roundup.Cli.Tests;

/// <summary>
/// <c>roundup send</c> against a relay that refuses us, failed rows retried on request, and <c>subscribers import</c>
/// accounting for every row: as separate processes, against a real SMTP server.
/// </summary>
public sealed class SendRefusalTests : IDisposable
{
    private const string Week = "2025-W26";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Address(int i) => $"reader{i:D3}@mail.example.org";

    private async Task ImportAsync(int count, Dictionary<string, string> environment)
    {
        await File.WriteAllLinesAsync(_dir.File("subscribers.csv"), new[] { "email,name" }.Concat(Enumerable.Range(1, count).Select(i => $"{Address(i)},Reader {i}")));
        var import = await RoundupCli.RunAsync(_dir.Path, environment, "subscribers", "import", "subscribers.csv", "--confirmed");
        Assert.True(import.ExitCode == 0, import.Stderr);
    }

    private async Task<(DeliveryCounts Counts, int Suppressions)> OutboxAsync()
    {
        await using var store = await SqliteDeliveryStore.OpenAsync(_dir.File("roundup.db"));
        return (await store.CountAsync(MailingKey.Parse(Week)), (await store.ListSuppressionsAsync()).Count);
    }

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1];

    private static void AssertOneCopyEach(IEnumerable<string> files, int subscribers)
    {
        var recipients = files.Select(f => MimeMessage.Load(f).To.Mailboxes.Single().Address).ToList();
        Assert.Equal(Enumerable.Range(1, subscribers).Select(Address).Order(), recipients.Order());
    }

    [Theory]
    [InlineData("data")]
    [InlineData("rcpt")]
    public async Task Send_against_a_relay_that_refuses_us_exits_1_with_its_words_and_a_healthy_relay_then_delivers_each_subscriber_once(string refused)
    {
        SmtpSink.RequireAvailable();
        await TestIssues.SaveAsync(_dir.Path, Week, IssueStatus.Approved, title: "Roundup 2025-W26: Verifiers everywhere");
        var refusal = refused == "data"
            ? new SmtpSinkOptions { RefuseData = "554 5.7.1 policy" }
            : new SmtpSinkOptions { RefuseRecipients = "554 5.7.1 Relay access denied" };
        await using (var refusing = await SmtpSink.StartAsync(_dir.File("smtp-refusing"), refusal))
        {
            var environment = TestMail.Smtp(refusing.Port, connections: 2);
            await ImportAsync(40, environment);

            var send = await RoundupCli.RunAsync(_dir.Path, environment, "send", "--week", Week);

            Assert.Equal(1, send.ExitCode);
            Assert.Contains(refused == "data" ? "the relay refused the message itself (554 5.7.1 policy)" : "recipients in a row with the same answer (554 5.7.1 Relay access denied)", send.Stderr, StringComparison.Ordinal);
            Assert.Contains("no address was suppressed", send.Stderr, StringComparison.Ordinal);
            Assert.Contains($"run `roundup send --week {Week}` again once the relay works", LastLine(send.Stderr), StringComparison.Ordinal);
            Assert.DoesNotContain("@mail.example.org", send.Stderr, StringComparison.Ordinal);
            Assert.Empty(refusing.MessageFiles());
        }

        Assert.Equal((new DeliveryCounts(40, 0, 0, 0, 0, 0), 0), await OutboxAsync());

        await using var healthy = await SmtpSink.StartAsync(_dir.File("smtp-healthy"));
        var again = await RoundupCli.RunAsync(_dir.Path, TestMail.Smtp(healthy.Port, connections: 2), "send", "--week", Week);

        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains($"{Week}: sent 40, deferred 0, failed 0", again.Stdout, StringComparison.Ordinal);
        Assert.Equal($"{Week}: finished", LastLine(again.Stdout));
        AssertOneCopyEach(healthy.MessageFiles(), 40);
        Assert.Equal("Roundup 2025-W26: Verifiers everywhere", MimeMessage.Load(healthy.MessageFiles()[0]).Subject);
    }

    [Fact]
    public async Task Failed_rows_make_send_exit_1_saying_so_last_and_retry_failed_sends_each_of_them_once()
    {
        SmtpSink.RequireAvailable();
        await TestIssues.SaveAsync(_dir.Path, Week);
        await using var sink = await SmtpSink.StartAsync(_dir.File("smtp"));
        var environment = TestMail.Smtp(sink.Port, connections: 2);
        await ImportAsync(3, environment);
        await using (var store = await SqliteDeliveryStore.OpenAsync(_dir.File("roundup.db")))
        {
            // What a relay that refused every message left behind before: rows failed for good, addresses not blamed.
            await store.EnqueueAsync(MailingKey.Parse(Week), "roundup.example.org");
            foreach (var claimed in await store.ClaimAsync(MailingKey.Parse(Week), 2, new OutboxLease("test", TimeSpan.FromMinutes(1))))
            {
                await store.MarkFailedAsync(MailingKey.Parse(Week), claimed.Row.SubscriberId, "554 5.7.1 policy", null);
            }
        }

        var dry = await RoundupCli.RunAsync(_dir.Path, environment, "send", "--week", Week, "--dry-run");
        var dryRetry = await RoundupCli.RunAsync(_dir.Path, environment, "send", "--week", Week, "--dry-run", "--retry-failed");
        Assert.Contains("would go to 1 subscriber(s)", dry.Stdout, StringComparison.Ordinal);
        Assert.Contains("would go to 3 subscriber(s)", dryRetry.Stdout, StringComparison.Ordinal);

        var send = await RoundupCli.RunAsync(_dir.Path, environment, "send", "--week", Week);
        Assert.Equal(1, send.ExitCode);
        Assert.Contains($"{Week}: sent 1, deferred 0, failed 0", send.Stdout, StringComparison.Ordinal);
        Assert.Equal($"roundup: {Week} is not finished: 2 failed message(s) to active subscribers can be sent again: `roundup send --week {Week} --retry-failed`", LastLine(send.Stderr));

        var retry = await RoundupCli.RunAsync(_dir.Path, environment, "send", "--week", Week, "--retry-failed");
        Assert.True(retry.ExitCode == 0, retry.Stderr);
        Assert.Contains($"{Week}: sent 2, deferred 0, failed 0", retry.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 failed retried", retry.Stdout, StringComparison.Ordinal);
        Assert.Equal($"{Week}: finished", LastLine(retry.Stdout));

        var twice = await RoundupCli.RunAsync(_dir.Path, environment, "send", "--week", Week, "--retry-failed");
        Assert.True(twice.ExitCode == 0, twice.Stderr);
        Assert.Contains($"{Week}: sent 0,", twice.Stdout, StringComparison.Ordinal);
        AssertOneCopyEach(sink.MessageFiles(), 3);
        Assert.Equal((new DeliveryCounts(0, 0, 3, 0, 0, 0), 0), await OutboxAsync());
    }

    [Fact]
    public async Task Import_accounts_for_every_row_and_a_stray_quote_costs_only_its_own_line()
    {
        await File.WriteAllTextAsync(
            _dir.File("list.csv"),
            "email,name\ngood1@example.org,One\n\"quoted\\\"local\"@example.org,x\ngood2@example.org,Two\ngood3@example.org,Three\ngood4@example.org,Four\n");

        var import = await RoundupCli.RunAsync(_dir.Path, new Dictionary<string, string>(), "subscribers", "import", "list.csv", "--confirmed");

        Assert.Equal(1, import.ExitCode);
        Assert.Equal(
            "list.csv: 5 rows: 4 added, 0 updated, 0 unchanged, 0 on the suppression list (left alone), 0 duplicate rows merged, 1 rows refused (line 3)",
            import.Stdout.Trim());
        Assert.Contains("roundup: list.csv: line 3: field 1: text after the closing quote", import.Stderr, StringComparison.Ordinal);
        var list = await RoundupCli.RunAsync(_dir.Path, new Dictionary<string, string>(), "subscribers", "list");
        Assert.Equal(4, list.Stdout.Trim().Split('\n').Length);
    }
}
