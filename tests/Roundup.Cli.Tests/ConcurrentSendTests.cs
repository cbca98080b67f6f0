using System.Globalization;
using MimeKit;
using Roundup.Calendar;
using Roundup.Delivery;
using Roundup.Issues;
using Roundup.Storage;
using Roundup.Storage.Postgres;
using Roundup.Storage.Sqlite;
using Roundup.Testing;
using Roundup.Testing.Postgres;
using Roundup.Testing.Smtp;

namespace Roundup.Cli.Tests;

/// <summary>
/// Three <c>roundup send</c> processes share one mailing through the store's outbox leases, on SQLite (one machine)
/// and on PostgreSQL (standing in for several machines); one is killed with SIGKILL midway, and the others take over
/// its rows when its lease ends.
/// </summary>
public sealed class ConcurrentSendTests(PostgresFixture postgres) : IDisposable
{
    private const string Week = "2025-W26";
    private const int Subscribers = 450;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Address(int i) => $"reader{i:D5}@mail.example.org";

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Three_senders_share_a_mailing_and_one_killed_midway_leaves_nobody_without_the_issue(string provider)
    {
        SmtpSink.RequireAvailable();
        var store = new Dictionary<string, string>();
        if (provider == "postgres")
        {
            store["ROUNDUP_Store__Provider"] = "postgres";
            store["ROUNDUP_Store__ConnectionString"] = await postgres.DatabaseAsync("send");
        }

        await using var stalling = await SmtpSink.StartAsync(_dir.File("smtp-stalling"), new SmtpSinkOptions { StallAfter = 20 });
        await using var sink = await SmtpSink.StartAsync(_dir.File("smtp"));
        Dictionary<string, string> Through(SmtpSink relay) => new(TestMail.Smtp(relay.Port, connections: 2).Concat(store))
        {
            ["ROUNDUP_Mail__MessagesPerSecond"] = "40",
            ["ROUNDUP_Mail__LeaseSeconds"] = "4",
        };
        await File.WriteAllLinesAsync(_dir.File("subscribers.csv"), new[] { "email,name" }.Concat(Enumerable.Range(1, Subscribers).Select(i => $"{Address(i)},Reader {i}")));
        var import = await RoundupCli.RunAsync(_dir.Path, Through(sink), "subscribers", "import", "subscribers.csv", "--confirmed");
        Assert.True(import.ExitCode == 0, import.Stderr);
        await using (var opened = await OpenAsync(store))
        {
            await opened.Issues.SaveAsync(SampleIssues.Issue(IssueWeek.Parse(Week), IssueStatus.Approved, SampleIssues.SelfVerifying with { Categories = [] }) with { Title = "Verifiers everywhere" });
        }

        // The one to be killed claims its first batch and is left with messages in flight at a relay that stopped
        // answering; the other two start while it is alive, on a relay that works.
        using var victim = RoundupCli.Start(_dir.Path, Through(stalling), "send", "--week", Week);
        var victimOutput = RoundupCli.WaitAsync(victim, TimeSpan.FromMinutes(3));
        await SmtpSink.WaitUntilAsync(() => stalling.IsStalled || victim.HasExited, TimeSpan.FromSeconds(120), "the first sender's relay to stall");
        if (victim.HasExited)
        {
            Assert.Fail("the first sender ended before its relay stalled: " + (await victimOutput).Stderr);
        }

        var survivors = Enumerable.Range(0, 2).Select(_ => RoundupCli.Start(_dir.Path, Through(sink), "send", "--week", Week)).ToList();
        var outputs = survivors.Select(s => RoundupCli.WaitAsync(s, TimeSpan.FromMinutes(3))).ToList();
        await SmtpSink.WaitUntilAsync(() => sink.MessageFiles().Count >= 60, TimeSpan.FromSeconds(120), "60 messages through the working relay");
        victim.Kill(entireProcessTree: true);
        await victimOutput;

        var ended = await Task.WhenAll(outputs);

        Assert.All(ended, s => Assert.True(s.ExitCode == 0, s.Stderr));
        await using (var opened = await OpenAsync(store))
        {
            Assert.Equal(new DeliveryCounts(0, 0, Subscribers, 0, 0, 0), await opened.Outbox.CountAsync(MailingKey.Parse(Week)));
        }

        var delivered = stalling.MessageFiles().Concat(sink.MessageFiles()).Select(f => MimeMessage.Load(f)).ToList();
        var byRecipient = delivered.GroupBy(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(Enumerable.Range(1, Subscribers).Select(Address).Order(), byRecipient.Select(g => g.Key).Order());

        // A second copy only for a message whose 250 came just before the kill: at most one per connection in flight,
        // with the same Message-ID so the receiver can tell.
        var repeated = byRecipient.Where(g => g.Count() > 1).ToList();
        Assert.True(repeated.Count <= 2, $"{repeated.Count} recipients got a second copy: {string.Join(", ", repeated.Select(g => g.Key))}");
        Assert.All(repeated, g => Assert.Single(g.Select(m => m.MessageId).Distinct()));
        Assert.All(ended, s => Assert.DoesNotContain("@mail.example.org", s.Stderr, StringComparison.Ordinal));
        var takenOver = ended.Sum(s => ResumedIn(s.Stdout));
        Assert.True(takenOver > 0, "no survivor took over the killed sender's rows: " + string.Join("\n", ended.Select(s => s.Stdout)));
        Assert.Contains(ended, s => s.Stderr.Contains("whose lease ran out are sent again", StringComparison.Ordinal));
        Assert.True(ended.All(s => SentIn(s.Stdout) > 0), "both survivors shared the mailing: " + string.Join("\n", ended.Select(s => s.Stdout)));
    }

    [Fact]
    public async Task PostgreSQL_restarted_during_a_send_leaves_two_senders_to_reconnect_and_finish_with_one_copy_each()
    {
        SmtpSink.RequireAvailable();
        PostgresServer.RequireAvailable();

        // A server of the test's own: restarting the assembly's shared one would cut the other tests off.
        await using var server = await PostgresServer.StartAsync();
        var store = new Dictionary<string, string>
        {
            ["ROUNDUP_Store__Provider"] = "postgres",
            ["ROUNDUP_Store__ConnectionString"] = await server.CreateDatabaseAsync("restart"),
        };
        await using var sink = await SmtpSink.StartAsync(_dir.File("smtp"));
        var environment = new Dictionary<string, string>(TestMail.Smtp(sink.Port, connections: 2).Concat(store))
        {
            ["ROUNDUP_Mail__MessagesPerSecond"] = "10",
            ["ROUNDUP_Mail__LeaseSeconds"] = "20",
        };
        const int readers = 200;
        await File.WriteAllLinesAsync(_dir.File("subscribers.csv"), new[] { "email,name" }.Concat(Enumerable.Range(1, readers).Select(i => $"{Address(i)},Reader {i}")));
        var import = await RoundupCli.RunAsync(_dir.Path, environment, "subscribers", "import", "subscribers.csv", "--confirmed");
        Assert.True(import.ExitCode == 0, import.Stderr);
        await using (var opened = await OpenAsync(store))
        {
            await opened.Issues.SaveAsync(SampleIssues.Issue(IssueWeek.Parse(Week), IssueStatus.Approved, SampleIssues.SelfVerifying with { Categories = [] }) with { Title = "Verifiers everywhere" });
        }

        var senders = Enumerable.Range(0, 2).Select(_ => RoundupCli.Start(_dir.Path, environment, "send", "--week", Week)).ToList();
        var outputs = senders.Select(s => RoundupCli.WaitAsync(s, TimeSpan.FromMinutes(3))).ToList();
        await SmtpSink.WaitUntilAsync(() => sink.MessageFiles().Count >= 30 || senders.Any(s => s.HasExited), TimeSpan.FromSeconds(120), "30 messages delivered");
        if (senders.Any(s => s.HasExited))
        {
            Assert.Fail("a sender ended before the restart: " + string.Join("\n", (await Task.WhenAll(outputs)).Select(o => o.Stderr)));
        }

        var before = sink.MessageFiles().Count;
        await server.RestartAsync(TimeSpan.FromSeconds(2));

        var ended = await Task.WhenAll(outputs);

        Assert.All(ended, s => Assert.True(s.ExitCode == 0, s.Stderr));
        Assert.True(before < readers, "the restart came after the mailing");
        await using (var opened = await OpenAsync(store))
        {
            Assert.Equal(new DeliveryCounts(0, 0, readers, 0, 0, 0), await opened.Outbox.CountAsync(MailingKey.Parse(Week)));
        }

        var recipients = sink.MessageFiles().Select(f => MimeMessage.Load(f).To.Mailboxes.Single().Address).ToList();
        Assert.Equal(Enumerable.Range(1, readers).Select(Address).Order(), recipients.Order());
    }

    private static int ResumedIn(string stdout) => Figure(stdout, " resumed");

    private static int SentIn(string stdout) => Figure(stdout, "sent ", before: false);

    /// <summary>The number next to <paramref name="label"/> in the send report's first line ("sent 200, …, 0 resumed").</summary>
    private static int Figure(string stdout, string label, bool before = true)
    {
        var line = stdout.Split('\n').First(l => l.StartsWith($"{Week}: sent ", StringComparison.Ordinal));
        var match = before
            ? System.Text.RegularExpressions.Regex.Match(line, @"(\d+)" + label)
            : System.Text.RegularExpressions.Regex.Match(line, label + @"(\d+)");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private async Task<IRoundupStore> OpenAsync(Dictionary<string, string> store) =>
        store.TryGetValue("ROUNDUP_Store__ConnectionString", out var connectionString)
            ? await PostgresStore.OpenAsync(connectionString, TimeProvider.System, CancellationToken.None)
            : await SqliteStore.OpenAsync(_dir.File("roundup.db"));
}
