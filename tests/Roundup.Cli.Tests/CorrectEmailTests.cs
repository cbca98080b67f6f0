using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;
using Roundup.Calendar;
using Roundup.Delivery;
using Roundup.Delivery.Subscribers;
using Roundup.Delivery.Tokens;
using Roundup.Storage.Sqlite;
using Roundup.Testing;
using Roundup.Testing.Smtp;

namespace Roundup.Cli.Tests;

/// <summary><c>roundup correct --email</c> and the <c>send</c> that follows, as separate processes against a real SMTP server.</summary>
public sealed partial class CorrectEmailTests : IDisposable
{
    private const string Week = "2025-W26";
    private const string Secret = TestMail.Secret;
    private const string Anchor = "https://example.org/roundup/issues/2025-W26.html#p-2506-01234";
    private readonly TempDirectory _dir = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public void Dispose() => _dir.Dispose();

    private static string Address(int i) => $"reader{i}@mail.example.org";

    private static Dictionary<string, string> Smtp(int port) => TestMail.Smtp(port);

    private Task SaveApprovedIssueAsync() => TestIssues.SaveAsync(_dir.Path, Week);

    private static async Task<RoundupCli.Result> RunOkAsync(string dir, Dictionary<string, string> environment, params string[] args)
    {
        var result = await RoundupCli.RunAsync(dir, environment, args);
        Assert.True(result.ExitCode == 0, $"roundup {string.Join(' ', args)} failed: {result.Stderr}");
        return result;
    }

    /// <summary>The messages the server received since the last call.</summary>
    private List<MimeMessage> NewMessages(SmtpSink sink)
    {
        var files = sink.MessageFiles().Where(_seen.Add).ToList();
        return files.Select(f => MimeMessage.Load(f)).ToList();
    }

    [Fact]
    public async Task An_erratum_is_emailed_once_to_those_who_got_the_issue_and_only_when_asked()
    {
        SmtpSink.RequireAvailable();
        await SaveApprovedIssueAsync();
        await using var sink = await SmtpSink.StartAsync(_dir.File("smtp"));
        var env = Smtp(sink.Port);
        await File.WriteAllLinesAsync(_dir.File("subscribers.csv"), ["email,name", $"{Address(1)},Reader 1", $"{Address(2)},Reader 2", $"{Address(3)},Reader 3"]);
        await RunOkAsync(_dir.Path, env, "subscribers", "import", "subscribers.csv", "--confirmed");

        var unpublished = await RoundupCli.RunAsync(_dir.Path, env, "correct", "--week", Week, "--text", "Too early.", "--email");
        Assert.Equal(2, unpublished.ExitCode);
        Assert.Contains("--email: the 2025-W26 issue is Approved, not Published", unpublished.Stderr, StringComparison.Ordinal);
        await RunOkAsync(_dir.Path, env, "publish", "--week", Week);
        var unsent = await RoundupCli.RunAsync(_dir.Path, env, "correct", "--week", Week, "--text", "Too early.", "--email");
        Assert.Equal(2, unsent.ExitCode);
        Assert.Contains("--email: the 2025-W26 issue has not been sent to anyone yet, and its own e-mail will carry the correction", unsent.Stderr, StringComparison.Ordinal);
        await using (var issues = await SqliteStore.OpenAsync(_dir.File("roundup.db")))
        {
            Assert.Empty((await issues.Issues.GetAsync(IssueWeek.Parse(Week)))!.Corrections);
        }

        await RunOkAsync(_dir.Path, env, "send", "--week", Week);
        Assert.Equal(3, NewMessages(sink).Count);
        await RunOkAsync(_dir.Path, env, "subscribers", "remove", Address(2));
        await RunOkAsync(_dir.Path, env, "subscribers", "add", Address(4), "--confirmed");

        // Without --email: recorded and published, nothing mailed.
        var quiet = await RunOkAsync(_dir.Path, env, "correct", "--week", Week, "--text", "A typo in the commentary.");
        Assert.Contains("correction recorded", quiet.Stdout, StringComparison.Ordinal);
        Assert.Empty(NewMessages(sink));

        var emailed = await RunOkAsync(_dir.Path, env, "correct", "--week", Week, "--paper", "2506.01234", "--text", "The gain on MATH is 3.6 points, not 6.3 <really>.", "--email");
        Assert.Contains("2025-W26-erratum-2: sent 2, deferred 0, failed 0, suppressed 0 (2 new in the outbox", emailed.Stdout, StringComparison.Ordinal);
        var errata = NewMessages(sink);
        Assert.Equal([Address(1), Address(3)], errata.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));

        await using (var store = await SqliteDeliveryStore.OpenAsync(_dir.File("roundup.db")))
        {
            var signer = TokenSigner.FromSecret(Secret, TimeProvider.System);
            foreach (var message in errata)
            {
                Assert.Equal("Correction: Verifiers everywhere", message.Subject);
                Assert.Contains("The gain on MATH is 3.6 points, not 6.3 <really>.", Flat(message.TextBody), StringComparison.Ordinal);
                Assert.Contains("The gain on MATH is 3.6 points, not 6.3 &lt;really&gt;.", Flat(message.HtmlBody), StringComparison.Ordinal);
                Assert.Contains($"href=\"{Anchor}\"", message.HtmlBody, StringComparison.Ordinal);
                Assert.Contains("The entry: " + Anchor, message.TextBody, StringComparison.Ordinal);
                Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
                var token = UnsubscribeToken().Match(message.TextBody!).Groups[1].Value;
                Assert.Contains(token, message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
                Assert.Contains(token, message.HtmlBody, StringComparison.Ordinal);
                var link = signer.Check(token, TokenPurpose.Unsubscribe).Token!;
                Assert.Equal("2025-W26-erratum-2", link.Week);
                Assert.Equal((await store.FindSubscriberAsync(message.To.Mailboxes.Single().Address))!.Id, link.SubscriberId);
            }

            // The link works: reader 3 leaves through it.
            var reader3 = errata.Single(m => m.To.Mailboxes.Single().Address == Address(3));
            var outcome = await new SubscriptionLinks(store, signer).UnsubscribeAsync(UnsubscribeToken().Match(reader3.TextBody!).Groups[1].Value);
            Assert.True(outcome.Done, outcome.Message);
            Assert.Equal(SubscriberStatus.Unsubscribed, (await store.FindSubscriberAsync(Address(3)))!.Status);
        }

        // send owes reader 4 the issue (which shows both corrections) and no erratum to anyone.
        var dry = await RunOkAsync(_dir.Path, env, "send", "--week", Week, "--dry-run");
        Assert.Contains("dry run: 2025-W26 would go to 1 subscriber(s)", dry.Stdout, StringComparison.Ordinal);
        Assert.Contains("dry run: 2025-W26-erratum-2 would go to 0 subscriber(s)", dry.Stdout, StringComparison.Ordinal);
        var send = await RunOkAsync(_dir.Path, env, "send", "--week", Week);
        Assert.Contains("2025-W26: sent 1,", send.Stdout, StringComparison.Ordinal);
        Assert.Contains("2025-W26-erratum-2: delivered earlier (2 sent", send.Stdout, StringComparison.Ordinal);
        var issueForReader4 = Assert.Single(NewMessages(sink));
        Assert.Equal(Address(4), issueForReader4.To.Mailboxes.Single().Address);
        Assert.Contains("3.6 points, not 6.3", Flat(issueForReader4.TextBody), StringComparison.Ordinal);
        var again = await RunOkAsync(_dir.Path, env, "send", "--week", Week);
        Assert.Contains("2025-W26: sent 0,", again.Stdout, StringComparison.Ordinal);
        Assert.Empty(NewMessages(sink));

        // A second --email is a mailing of its own, to the active readers the issue has reached by now.
        var second = await RunOkAsync(_dir.Path, env, "correct", "--week", Week, "--text", "The intro named the wrong benchmark.", "--email");
        Assert.Contains("2025-W26-erratum-3: sent 2,", second.Stdout, StringComparison.Ordinal);
        var secondErrata = NewMessages(sink);
        Assert.Equal([Address(1), Address(4)], secondErrata.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        Assert.All(secondErrata, m => Assert.Contains("The intro named the wrong benchmark.", Flat(m.TextBody), StringComparison.Ordinal));
        Assert.All(secondErrata, m => Assert.DoesNotContain("The entry:", m.TextBody, StringComparison.Ordinal));
    }

    /// <summary>The plain-text part is wrapped at 72 columns: compare with runs of white space made one space.</summary>
    private static string Flat(string? text) => Whitespace().Replace(text ?? "", " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"unsubscribe\?t=(\S+)")]
    private static partial Regex UnsubscribeToken();
}
