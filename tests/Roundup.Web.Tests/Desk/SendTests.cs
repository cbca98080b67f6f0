using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Roundup.Application.Settings;
using Roundup.Calendar;
using Roundup.Delivery;
using Roundup.Issues;
using Roundup.Testing;
using Roundup.Testing.Smtp;
using Roundup.Web.Desk.Jobs;

namespace Roundup.Web.Tests.Desk;

/// <summary>
/// Approve, publish and send from the desk, to a real SMTP server (aiosmtpd): the recipients counted before, one
/// message per active subscriber, the report's totals, and nothing new on a second send.
/// </summary>
public sealed partial class SendTests : IAsyncDisposable
{
    private const string Week = "2025-W26";
    private DeskSite? _site;
    private SmtpSink? _sink;

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        if (_sink is not null)
        {
            await _sink.DisposeAsync();
            Directory.Delete(Path.GetDirectoryName(_sink.Maildir)!, recursive: true);
        }
    }

    private static string Address(int i) => $"reader{i}@mail.example.org";

    /// <summary>The desk's default options, the mail sent through the test SMTP server on <paramref name="port"/>.</summary>
    internal static RoundupOptions Smtp(TempDirectory dir, int port)
    {
        var options = DeskSite.DefaultOptions(dir);
        return new RoundupOptions
        {
            Store = options.Store,
            Selection = options.Selection,
            Publish = options.Publish,
            Serve = options.Serve,
            Mail = new MailOptions
            {
                Sender = "smtp",
                From = "Desk Weekly <issues@example.org>",
                Secret = options.Mail.Secret,
                LinkBase = options.Mail.LinkBase,
                PickupDir = options.Mail.PickupDir,
                Connections = 2,
                RetryDelaySeconds = 0.05,
                Smtp = new MailOptions.SmtpOptions { Host = "127.0.0.1", Port = port, Security = "None", TimeoutSeconds = 30 },
            },
        };
    }

    /// <summary>A draft issue of one paper for <see cref="Week"/>, its title <paramref name="title"/>.</summary>
    internal static Task SaveDraftAsync(DeskSite site, string title = "Verifiers everywhere") =>
        site.Store.Issues.SaveAsync(
            SampleIssues.Issue(IssueWeek.Parse(Week), IssueStatus.Draft, SampleIssues.SelfVerifying with { Categories = [] }) with { Title = title },
            TestContext.Current.CancellationToken);

    private async Task<DeskSite> StartAsync()
    {
        SmtpSink.RequireAvailable();
        var folder = Path.Combine(Path.GetTempPath(), "roundup-desk-smtp-" + Guid.NewGuid().ToString("N"));
        _sink = await SmtpSink.StartAsync(folder);
        var port = _sink.Port;
        _site = await DeskSite.StartAsync(dir => Smtp(dir, port));
        return _site;
    }

    [Fact]
    public async Task Approve_publish_and_send_from_the_desk_deliver_one_message_to_each_active_subscriber_and_a_second_send_nothing_new()
    {
        var site = await StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await SaveDraftAsync(site);
        await site.Store.Subscribers.AddSubscribersAsync([.. Enumerable.Range(1, 5).Select(i => new SubscriberImport(Address(i), $"Reader {i}"))], SubscriberStatus.Active, ct);
        await site.Store.Subscribers.AddSubscribersAsync([new SubscriberImport("pending@mail.example.org", null)], SubscriberStatus.Pending, ct);
        await site.Store.Subscribers.SuppressAsync((await site.Store.Subscribers.FindSubscriberAsync(Address(5), ct))!.Id, SuppressionReason.Unsubscribed, ct);
        await site.SignInAsync();

        var page = await site.GetStringAsync($"issue/send?week={Week}");
        Assert.Contains("<strong id=\"issue-state\">draft</strong>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/roundup/desk/issue/publish\"", page, StringComparison.Ordinal);

        // A draft is neither published nor sent, as the CLI refuses it.
        using (var early = await site.PostAsync("issue/send", page, ("week", Week)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
            Assert.Contains("is a Draft: approve it first", await early.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        using (var approve = await site.PostAsync("issue/approve", page, ("week", Week)))
        {
            Assert.Equal(HttpStatusCode.SeeOther, approve.StatusCode);
        }

        page = await site.GetStringAsync($"issue/send?week={Week}");
        Assert.Contains("<strong id=\"issue-state\">approved</strong>", page, StringComparison.Ordinal);
        using (var publish = await site.PostAsync("issue/publish", page, ("week", Week)))
        {
            var job = await FinishedJobAsync(site, publish);
            Assert.Equal(JobState.Succeeded, job.State);
            Assert.Equal($"/roundup/issues/{Week}.html", job.ResultUrl);
        }

        using (var archive = await site.Client.GetAsync(new Uri(site.Base, $"issues/{Week}.html"), ct))
        {
            Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        }

        page = await site.GetStringAsync($"issue/send?week={Week}");
        Assert.Contains("<strong id=\"issue-state\">published</strong>", page, StringComparison.Ordinal);

        var confirm = await site.GetStringAsync($"issue/send/confirm?week={Week}");
        Assert.Contains("<strong>4</strong> message(s) would go out", confirm, StringComparison.Ordinal);
        Assert.Contains("Verifiers everywhere", confirm, StringComparison.Ordinal);
        Assert.Empty(_sink!.MessageFiles());

        using (var send = await site.PostAsync("issue/send", confirm, ("week", Week)))
        {
            var job = await FinishedJobAsync(site, send);
            Assert.True(job.State == JobState.Succeeded, string.Join("\n", job.Lines()));
            Assert.Contains(job.Lines(), l => l.StartsWith($"{Week}: sent 4, deferred 0, failed 0, suppressed 0 (4 new in the outbox", StringComparison.Ordinal));
            Assert.Contains($"{Week}: finished", job.Lines());
            Assert.Equal([("sent", 4L), ("deferred", 0L), ("failed", 0L), ("suppressed", 0L), ("waiting", 0L)], job.Figures().Select(f => (f.Name, f.Value)));
            Assert.Equal($"/roundup/desk/readers/mailing?key={Week}", job.ResultUrl);

            // The job's page and its state (what jobs.js follows) show the totals.
            var jobPage = await site.GetStringAsync($"jobs/{job.Id}");
            Assert.Matches(new Regex("<dt>sent</dt><dd>4</dd>"), jobPage);
            using var state = JsonDocument.Parse(await site.GetStringAsync($"jobs/{job.Id}/state"));
            Assert.Equal(4, state.RootElement.GetProperty("figures")[0].GetProperty("value").GetInt64());
        }

        var recipients = _sink.MessageFiles().Select(f => MimeMessage.Load(f).To.Mailboxes.Single().Address).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 4).Select(Address).Order(), recipients);

        var report = await site.GetStringAsync($"readers/mailing?key={Week}");
        Assert.Contains("<td data-state=\"sent\">4</td>", report, StringComparison.Ordinal);
        Assert.Contains("<td data-state=\"waiting\">0</td>", report, StringComparison.Ordinal);
        Assert.Contains("Finished.", report, StringComparison.Ordinal);
        page = await site.GetStringAsync($"issue/send?week={Week}");
        Assert.Contains("<strong id=\"issue-state\">sent</strong>", page, StringComparison.Ordinal);

        // A second send: nobody is waiting, and nothing new goes out.
        confirm = await site.GetStringAsync($"issue/send/confirm?week={Week}");
        Assert.Contains("<strong>0</strong> message(s) would go out", confirm, StringComparison.Ordinal);
        using (var again = await site.PostAsync("issue/send", confirm, ("week", Week)))
        {
            var job = await FinishedJobAsync(site, again);
            Assert.Equal(JobState.Succeeded, job.State);
            Assert.Contains($"{Week}: sent 0, deferred 0, failed 0, suppressed 0", string.Join("\n", job.Lines()), StringComparison.Ordinal);
            Assert.Equal(4, job.Figures().Single(f => f.Name == "sent").Value);
        }

        Assert.Equal(4, _sink.MessageFiles().Count);
    }

    [Fact]
    public async Task A_refused_recipient_shows_in_the_report_with_the_relays_answer_and_is_suppressed()
    {
        SmtpSink.RequireAvailable();
        var folder = Path.Combine(Path.GetTempPath(), "roundup-desk-smtp-" + Guid.NewGuid().ToString("N"));
        _sink = await SmtpSink.StartAsync(folder, new SmtpSinkOptions { Reject = [Address(2)] });
        var port = _sink.Port;
        var site = _site = await DeskSite.StartAsync(dir => Smtp(dir, port));
        var ct = TestContext.Current.CancellationToken;
        await SaveDraftAsync(site);
        await site.Store.Subscribers.AddSubscribersAsync([.. Enumerable.Range(1, 3).Select(i => new SubscriberImport(Address(i), null))], SubscriberStatus.Active, ct);
        await site.SignInAsync();
        var page = await site.GetStringAsync($"issue/send?week={Week}");
        (await site.PostAsync("issue/approve", page, ("week", Week))).Dispose();

        var confirm = await site.GetStringAsync($"issue/send/confirm?week={Week}");
        Assert.Contains("<strong>3</strong> message(s) would go out", confirm, StringComparison.Ordinal);
        using var send = await site.PostAsync("issue/send", confirm, ("week", Week));
        var job = await FinishedJobAsync(site, send);
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal(1, job.Figures().Single(f => f.Name == "failed").Value);

        var report = await site.GetStringAsync($"readers/mailing?key={Week}");
        Assert.Contains("<td data-state=\"sent\">2</td>", report, StringComparison.Ordinal);
        Assert.Contains("<td data-state=\"failed\">1</td>", report, StringComparison.Ordinal);
        var row = Assert.Single(ProblemRows().Matches(report)).Value;
        Assert.Contains(Address(2), row, StringComparison.Ordinal);
        Assert.Contains("550", row, StringComparison.Ordinal);

        var readers = await site.GetStringAsync("readers");
        Assert.Contains("bounced", readers, StringComparison.Ordinal);
        Assert.Contains(Address(2), readers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_send_pages_refuse_a_signed_out_request_and_a_bad_week()
    {
        await using var site = await DeskSite.StartAsync();
        foreach (var path in new[] { $"issue/send?week={Week}", $"issue/send/confirm?week={Week}", "readers", $"readers/mailing?key={Week}" })
        {
            using var answer = await site.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Contains("/desk/sign-in", answer.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var page = await site.SignInAsync();
        using (var bad = await site.GetAsync("issue/send?week=2025-W99"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("is not an ISO week", await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        using (var none = await site.PostAsync("issue/publish", page, ("week", Week)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
            Assert.Contains("there is no issue for 2025-W26 yet", await none.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        using (var forged = await site.PostAsync("issue/approve", null, ("week", Week)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.Empty(site.Server.Services.GetRequiredService<DeskJobs>().All());
    }

    /// <summary>Follows a POST's redirect to its job and waits (bounded) for the job to finish.</summary>
    internal static async Task<DeskJob> FinishedJobAsync(DeskSite site, HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        var location = answer.Headers.Location!.OriginalString;
        var id = int.Parse(JobId().Match(location).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var job = site.Server.Services.GetRequiredService<DeskJobs>().Get(id)!;
        await SmtpSink.WaitUntilAsync(() => job.IsDone, TimeSpan.FromSeconds(60), $"job {id} ({job.Title}) to finish");
        return job;
    }

    [GeneratedRegex(@"/desk/jobs/(\d+)$")]
    private static partial Regex JobId();

    [GeneratedRegex("<tr class=\"delivery-problem\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex ProblemRows();
}
