using System.Globalization;
using MimeKit;
using Roundup.Delivery;
using Roundup.Issues;
using Roundup.Storage.Sqlite;
using Roundup.Testing;
using Roundup.Testing.Smtp;

namespace Roundup.Cli.Tests;

/// <summary><c>roundup subscribers</c> and <c>roundup send</c> as separate processes, against a real SMTP server.</summary>
public sealed class SendCommandTests : IDisposable
{
    private const string Week = "2025-W26";
    private const string Secret = TestMail.Secret;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Address(int i) => $"reader{i:D5}@mail.example.org";

    private static Dictionary<string, string> Smtp(int port, int connections = 2) => TestMail.Smtp(port, connections);

    private Task SaveIssueAsync(IssueStatus status, int version = 1) => TestIssues.SaveAsync(_dir.Path, Week, status, version);

    private async Task ImportAsync(int count, Dictionary<string, string> environment)
    {
        var lines = new[] { "email,name" }.Concat(Enumerable.Range(1, count).Select(i => $"{Address(i)},Reader {i}"));
        await File.WriteAllLinesAsync(_dir.File("subscribers.csv"), lines);
        var import = await RoundupCli.RunAsync(_dir.Path, environment, "subscribers", "import", "subscribers.csv", "--confirmed");
        Assert.True(import.ExitCode == 0, import.Stderr);
        Assert.Contains($"{count} added", import.Stdout, StringComparison.Ordinal);
    }

    private async Task<int> CountSentAsync()
    {
        await using var store = await SqliteDeliveryStore.OpenAsync(_dir.File("roundup.db"));
        return (await store.CountAsync(MailingKey.Parse(Week))).Sent;
    }

    [Theory]
    [InlineData(15, 6)]
    [InlineData(10_000, 3_000)]
    public async Task Send_killed_midway_and_run_again_delivers_every_subscriber_exactly_one_copy(int subscribers, int stallAfter)
    {
        SmtpSink.RequireAvailable();
        await SaveIssueAsync(IssueStatus.Approved);
        await using (var stalling = await SmtpSink.StartAsync(_dir.File("smtp-stalling"), new SmtpSinkOptions { StallAfter = stallAfter }))
        {
            var environment = Smtp(stalling.Port);
            await ImportAsync(subscribers, environment);
            using var sender = RoundupCli.Start(_dir.Path, environment, "send", "--week", Week);
            var output = RoundupCli.WaitAsync(sender, TimeSpan.FromMinutes(2));
            await SmtpSink.WaitUntilAsync(() => stalling.IsStalled || sender.HasExited, TimeSpan.FromSeconds(180), "the server to stall");
            if (sender.HasExited)
            {
                Assert.Fail("roundup send ended before the server stalled: " + (await output).Stderr);
            }

            await SmtpSink.WaitUntilAsync(async () => await CountSentAsync() == stallAfter, TimeSpan.FromSeconds(30), $"{stallAfter} rows committed as sent");

            sender.Kill(entireProcessTree: true);
            await output;
            Assert.Equal(stallAfter, stalling.MessageFiles().Count);
        }

        await using var healthy = await SmtpSink.StartAsync(_dir.File("smtp-healthy"));
        var again = await RoundupCli.RunAsync(_dir.Path, Smtp(healthy.Port), "send", "--week", Week);

        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains($"{Week}: sent {subscribers - stallAfter}, deferred 0, failed 0, suppressed 0", again.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{subscribers} sent", again.Stdout, StringComparison.Ordinal);
        var first = Directory.GetFiles(Path.Combine(_dir.File("smtp-stalling"), "Maildir", "new"));
        var recipients = first.Concat(healthy.MessageFiles()).Select(f => MimeMessage.Load(f).To.Mailboxes.Single().Address).ToList();
        Assert.Equal(Enumerable.Range(1, subscribers).Select(Address).Order(), recipients.Order());
        Assert.DoesNotContain("@mail.example.org", again.Stderr, StringComparison.Ordinal);

        var message = MimeMessage.Load(healthy.MessageFiles()[0]);
        Assert.Contains("Verifiers everywhere", message.Subject, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("https://example.org/roundup/unsubscribe?t=", message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Contains("unsubscribe?t=", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_embedded_default_writes_eml_files_a_dry_run_writes_none_and_a_draft_is_refused()
    {
        await SaveIssueAsync(IssueStatus.Draft);
        var pickup = new Dictionary<string, string>();
        await ImportAsync(3, pickup);

        var draft = await RoundupCli.RunAsync(_dir.Path, pickup, "send", "--week", Week);
        Assert.Equal(2, draft.ExitCode);
        Assert.Contains("is a Draft: approve it first", draft.Stderr, StringComparison.Ordinal);

        await SaveIssueAsync(IssueStatus.Approved, version: 2);
        var dry = await RoundupCli.RunAsync(_dir.Path, pickup, "send", "--week", Week, "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.Stderr);
        Assert.Contains("would go to 3 subscriber(s)", dry.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("out/mail")));

        var only = await RoundupCli.RunAsync(_dir.Path, pickup, "send", "--week", Week, "--only", Address(2));
        Assert.True(only.ExitCode == 0, only.Stderr);
        Assert.Single(Directory.GetFiles(_dir.File("out/mail"), "*.eml"));

        var all = await RoundupCli.RunAsync(_dir.Path, pickup, "send", "--week", Week);
        Assert.True(all.ExitCode == 0, all.Stderr);
        Assert.Contains("sent 2,", all.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, Directory.GetFiles(_dir.File("out/mail"), "*.eml").Length);
        Assert.True(File.Exists(_dir.File("roundup.linkkey")));
    }

    [Fact]
    public async Task Subscribers_are_validated_confirmed_by_link_and_never_re_added_once_removed()
    {
        var pickup = new Dictionary<string, string>();
        await File.WriteAllTextAsync(_dir.File("list.csv"), "email,name\nada@example.org,Ada\nnot-an-address,Bob\n\"cy@example.org\",\"Cy\nBcc: all@example.org\"\n");
        var import = await RoundupCli.RunAsync(_dir.Path, pickup, "subscribers", "import", "list.csv");
        Assert.Equal(1, import.ExitCode);
        Assert.Contains("list.csv: line 3: 'not-an-address'", import.Stderr, StringComparison.Ordinal);
        Assert.Contains("list.csv: line 4: the name contains a line break", import.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 added", import.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 confirmation message(s) sent", import.Stderr, StringComparison.Ordinal);

        var confirmation = MimeMessage.Load(Assert.Single(Directory.GetFiles(_dir.File("out/mail"), "*.eml")));
        var token = System.Text.RegularExpressions.Regex.Match(confirmation.TextBody!, "confirm\\?t=(\\S+)").Groups[1].Value;
        var tampered = await RoundupCli.RunAsync(_dir.Path, pickup, "subscribers", "confirm", token[..^3] + "AAA");
        Assert.Equal(1, tampered.ExitCode);
        var confirmed = await RoundupCli.RunAsync(_dir.Path, pickup, "subscribers", "confirm", token);
        Assert.True(confirmed.ExitCode == 0, confirmed.Stderr);
        Assert.Contains("the subscription is confirmed", confirmed.Stdout, StringComparison.Ordinal);

        Assert.Equal(0, (await RoundupCli.RunAsync(_dir.Path, pickup, "subscribers", "remove", "ada@example.org")).ExitCode);
        var again = await RoundupCli.RunAsync(_dir.Path, pickup, "subscribers", "add", "ADA@example.org", "--confirmed");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("suppression list", again.Stdout, StringComparison.Ordinal);
        var list = await RoundupCli.RunAsync(_dir.Path, pickup, "subscribers", "list");
        Assert.Contains("unsubscribed\tada@example.org", list.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_show_masks_the_mail_secrets()
    {
        var environment = Smtp(2525);
        environment["ROUNDUP_Mail__Smtp__User"] = "relay-user";
        environment["ROUNDUP_Mail__Smtp__Password"] = "relay-password-value";
        var shown = await RoundupCli.RunAsync(_dir.Path, environment, "config", "show");
        Assert.True(shown.ExitCode == 0, shown.Stderr);
        Assert.Contains("\"host\": \"127.0.0.1\"", shown.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("relay-password-value", shown.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, shown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smtp_without_a_secret_is_a_configuration_error()
    {
        var environment = Smtp(2525);
        environment.Remove("ROUNDUP_Mail__Secret");
        var result = await RoundupCli.RunAsync(_dir.Path, environment, "subscribers", "list");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Mail:Secret is required with Mail:Sender smtp", result.Stderr, StringComparison.Ordinal);
    }
}
