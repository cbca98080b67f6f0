using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;
using Roundup.Calendar;
using Roundup.Delivery;
using Roundup.Issues;
using Roundup.Storage.Postgres;
using Roundup.Testing;
using Roundup.Testing.Postgres;
using Roundup.Testing.Processes;
using Roundup.Testing.Smtp;

namespace Roundup.Workers.Tests;

/// <summary>
/// <c>roundup send --workers</c>: the coordinator enqueues the mailing and hands it out in batches; two workers (each
/// with a relay of its own, standing in for two machines) send them. The first worker's relay stops answering midway
/// and the worker is killed with SIGKILL; the second takes up its batch and, when the lease ends, its rows.
/// </summary>
public sealed partial class DeliveryOnWorkersTests(PostgresFixture postgres) : IDisposable
{
    private const string Week = "2025-W26";
    private const int Readers = 300;
    private const string Secret = "workers test secret, long enough to sign the links";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Address(int i) => $"reader{i:D5}@mail.example.org";

    [Fact]
    public async Task Workers_deliver_a_mailing_in_batches_and_a_killed_workers_batch_and_rows_are_taken_over()
    {
        SmtpSink.RequireAvailable();
        var database = await postgres.DatabaseAsync("delivery");
        await using var stalling = await SmtpSink.StartAsync(_dir.File("smtp-stalling"), new SmtpSinkOptions { StallAfter = 20 });
        await using var sink = await SmtpSink.StartAsync(_dir.File("smtp"));
        var environment = new Dictionary<string, string>
        {
            ["ROUNDUP_Store__Provider"] = "postgres",
            ["ROUNDUP_Store__ConnectionString"] = database,
            ["ROUNDUP_Workers__Threads"] = "1",
            ["ROUNDUP_Workers__DeliveryBatch"] = "50",
            ["ROUNDUP_Workers__InvisibilityTimeoutSeconds"] = "5",
            ["ROUNDUP_Workers__PollSeconds"] = "0.5",
            ["ROUNDUP_Workers__RetryDelaySeconds"] = "1",
            ["ROUNDUP_Mail__Secret"] = Secret,
            ["ROUNDUP_Mail__From"] = "Roundup <issues@roundup.example.org>",
            ["ROUNDUP_Mail__LeaseSeconds"] = "4",
            ["ROUNDUP_Mail__MessagesPerSecond"] = "100",
        };
        Dictionary<string, string> Through(SmtpSink relay) => new(environment)
        {
            ["ROUNDUP_Mail__Sender"] = "smtp",
            ["ROUNDUP_Mail__Smtp__Host"] = "127.0.0.1",
            ["ROUNDUP_Mail__Smtp__Port"] = relay.Port.ToString(CultureInfo.InvariantCulture),
            ["ROUNDUP_Mail__Smtp__Security"] = "None",
            ["ROUNDUP_Mail__Smtp__TimeoutSeconds"] = "30",
            ["ROUNDUP_Mail__Connections"] = "2",
            ["ROUNDUP_Mail__RetryDelaySeconds"] = "0.05",
        };
        var coordinatorFolder = _dir.File("coordinator");
        Directory.CreateDirectory(coordinatorFolder);
        await File.WriteAllLinesAsync(Path.Combine(coordinatorFolder, "subscribers.csv"), new[] { "email,name" }.Concat(Enumerable.Range(1, Readers).Select(i => $"{Address(i)},Reader {i}")));
        var import = await RoundupProcess.RunAsync(coordinatorFolder, environment, Limit, "subscribers", "import", "subscribers.csv", "--confirmed");
        Assert.True(import.ExitCode == 0, import.Stderr);
        await using (var store = await PostgresStore.OpenAsync(database, TimeProvider.System, CancellationToken.None))
        {
            await store.Issues.SaveAsync(SampleIssues.Issue(IssueWeek.Parse(Week), IssueStatus.Approved, SampleIssues.SelfVerifying with { Categories = [] }) with { Title = "Verifiers everywhere" });
        }

        // The coordinator has no relay of its own (the pickup default): the workers send through theirs.
        using var first = RoundupProcess.Start(Folder("worker1"), Through(stalling), "worker");
        await first.WaitForLogAsync("started", Limit);
        using var coordinator = RoundupProcess.Start(coordinatorFolder, environment, "send", "--workers", "--week", Week);
        await SmtpSink.WaitUntilAsync(() => stalling.IsStalled || coordinator.Process.HasExited, TimeSpan.FromSeconds(120), "the first worker's relay to stall");
        Assert.False(coordinator.Process.HasExited, coordinator.Stderr + first.Stderr);
        first.KillOutright();
        using var second = RoundupProcess.Start(Folder("worker2"), Through(sink), "worker");
        await coordinator.WaitAsync(Limit);

        Assert.True(coordinator.ExitCode == 0, coordinator.Stderr + second.Stderr);
        Assert.Matches(BatchesOnWorkers(), coordinator.Stdout);
        await using (var store = await PostgresStore.OpenAsync(database, TimeProvider.System, CancellationToken.None))
        {
            Assert.Equal(new DeliveryCounts(0, 0, Readers, 0, 0, 0), await store.Outbox.CountAsync(MailingKey.Parse(Week)));
        }

        var delivered = stalling.MessageFiles().Concat(sink.MessageFiles()).Select(f => MimeMessage.Load(f)).ToList();
        var byRecipient = delivered.GroupBy(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(Enumerable.Range(1, Readers).Select(Address).Order(), byRecipient.Select(g => g.Key).Order());
        // A second copy only for a message whose 250 came just before the kill: at most one per connection in flight.
        var repeated = byRecipient.Where(g => g.Count() > 1).ToList();
        Assert.True(repeated.Count <= 2, $"{repeated.Count} recipients got a second copy");
        Assert.All(repeated, g => Assert.Single(g.Select(m => m.MessageId).Distinct()));
        Assert.True(stalling.MessageFiles().Count > 0, "the first worker sent nothing before it was killed");
        Assert.Contains("taken over", second.Stderr, StringComparison.Ordinal);
        Assert.Matches(TakenOver(), second.Stderr);

        // Sending again finds nothing to do: nobody gets a second copy.
        var again = await RoundupProcess.RunAsync(coordinatorFolder, environment, Limit, "send", "--workers", "--week", Week);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(delivered.Count, stalling.MessageFiles().Count + sink.MessageFiles().Count);
        await Signals.TerminateWithinAsync(second.Process, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_relay_that_refuses_the_workers_stops_the_send_with_its_answer_and_keeps_the_rows()
    {
        SmtpSink.RequireAvailable();
        var database = await postgres.DatabaseAsync("refused");
        var environment = new Dictionary<string, string>
        {
            ["ROUNDUP_Store__Provider"] = "postgres",
            ["ROUNDUP_Store__ConnectionString"] = database,
            ["ROUNDUP_Workers__Threads"] = "1",
            ["ROUNDUP_Workers__DeliveryBatch"] = "10",
            ["ROUNDUP_Workers__PollSeconds"] = "0.5",
            ["ROUNDUP_Mail__Secret"] = Secret,
            ["ROUNDUP_Mail__From"] = "Roundup <issues@roundup.example.org>",
        };
        var coordinatorFolder = _dir.File("coordinator");
        Directory.CreateDirectory(coordinatorFolder);
        await File.WriteAllLinesAsync(Path.Combine(coordinatorFolder, "subscribers.csv"), new[] { "email,name" }.Concat(Enumerable.Range(1, 30).Select(i => $"{Address(i)},Reader {i}")));
        var import = await RoundupProcess.RunAsync(coordinatorFolder, environment, Limit, "subscribers", "import", "subscribers.csv", "--confirmed");
        Assert.True(import.ExitCode == 0, import.Stderr);
        await using (var store = await PostgresStore.OpenAsync(database, TimeProvider.System, CancellationToken.None))
        {
            await store.Issues.SaveAsync(SampleIssues.Issue(IssueWeek.Parse(Week), IssueStatus.Approved, SampleIssues.SelfVerifying with { Categories = [] }) with { Title = "Verifiers everywhere" });
        }

        // Nothing listens on the worker's relay port.
        var workerEnvironment = new Dictionary<string, string>(environment)
        {
            ["ROUNDUP_Mail__Sender"] = "smtp",
            ["ROUNDUP_Mail__Smtp__Host"] = "127.0.0.1",
            ["ROUNDUP_Mail__Smtp__Port"] = "1",
            ["ROUNDUP_Mail__Smtp__Security"] = "None",
            ["ROUNDUP_Mail__Smtp__TimeoutSeconds"] = "5",
            ["ROUNDUP_Mail__RetryDelaySeconds"] = "0.05",
        };
        using var worker = RoundupProcess.Start(Folder("worker"), workerEnvironment, "worker");
        await worker.WaitForLogAsync("started", Limit);

        var send = await RoundupProcess.RunAsync(coordinatorFolder, environment, Limit, "send", "--workers", "--week", Week);

        Assert.True(send.ExitCode == 1, send.Stdout + send.Stderr + worker.Stderr);
        Assert.Contains("127.0.0.1:1", send.Stdout + send.Stderr, StringComparison.Ordinal);
        await using (var store = await PostgresStore.OpenAsync(database, TimeProvider.System, CancellationToken.None))
        {
            Assert.Equal(new DeliveryCounts(30, 0, 0, 0, 0, 0), await store.Outbox.CountAsync(MailingKey.Parse(Week)));
        }
    }

    private string Folder(string name)
    {
        var folder = _dir.File(name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    [GeneratedRegex(@"\d+ batch\(es\) on the workers")]
    private static partial Regex BatchesOnWorkers();

    [GeneratedRegex(@"batch \d+: \d+ claimed \([1-9]\d* taken over\)")]
    private static partial Regex TakenOver();
}
