using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Roundup.Calendar;
using Roundup.Delivery;
using Roundup.Delivery.Messages;
using Roundup.Delivery.Sending;
using Roundup.Delivery.Tokens;
using Roundup.Delivery.Transport;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Publishing;
using Roundup.Publishing.Email;
using Roundup.Storage.Sqlite;

namespace Roundup.Bench;

/// <summary>
/// N personalised copies of a 15-paper issue, rendered by the real e-mail renderer and delivered through the outbox
/// to an SMTP sink already listening on 127.0.0.1:PORT (bench/send-mail.sh starts one). Prints the delivery time,
/// the time to set up the subscribers, and the process's peak working set.
/// </summary>
public static class SendMailBench
{
    public static async Task RunAsync(int subscribers, int port, int connections, string scratch)
    {
        Directory.CreateDirectory(scratch);
        var db = Path.Combine(scratch, $"send-{Guid.NewGuid():N}.db");
        var setup = Stopwatch.StartNew();
        await using var store = await SqliteDeliveryStore.OpenAsync(db);
        for (var first = 0; first < subscribers; first += 5_000)
        {
            var page = Enumerable.Range(first, Math.Min(5_000, subscribers - first))
                .Select(i => new SubscriberImport($"reader{i:D6}@bench.example.org", $"Reader {i}"))
                .ToList();
            await store.AddSubscribersAsync(page, SubscriberStatus.Active);
        }

        setup.Stop();
        var site = new SiteOptions("Roundup", new Uri("https://example.org/roundup/"), "Bench Curator", "Benchmark issue");
        var content = new IssueContent(IssueEmail.Prepare(SampleIssue(), site));
        var list = new MailingList(new MailboxAddress("Roundup", "issues@example.org"), site.BaseUrl, "unsubscribe@example.org");
        var builder = new MessageBuilder(list, new TokenSigner("a benchmark secret that is long enough"u8.ToArray(), TimeProvider.System), TimeProvider.System);
        var relay = new SmtpTransportFactory(new SmtpRelay("127.0.0.1", port, SmtpSecurity.None));
        var run = new DeliveryRun(store, relay, builder, new DeliveryOptions { Connections = connections }, TimeProvider.System, NullLogger.Instance);

        var report = await run.RunAsync(MailingKey.ForIssue(new IssueWeek(2025, 26)), content);

        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{subscribers:N0} subscribers (set up in {setup.Elapsed.TotalSeconds:F1} s), {connections} connections: sent {report.Sent:N0}, failed {report.Failed}, deferred {report.Deferred} in {report.Elapsed.TotalSeconds:F1} s ({report.Sent / report.Elapsed.TotalSeconds:F0} messages/s); peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MB"));
        File.Delete(db);
    }

    internal static Issue SampleIssue() => new()
    {
        Week = new IssueWeek(2025, 26),
        Title = "Verifiers everywhere, and small models that plan",
        Intro = "Two threads ran through this week's papers: models that check their own steps, and small models that plan well.",
        Status = IssueStatus.Approved,
        Written = new DateTimeOffset(2025, 6, 26, 20, 0, 0, TimeSpan.Zero),
        Approved = new DateTimeOffset(2025, 6, 27, 8, 0, 0, TimeSpan.Zero),
        Sections = Enumerable.Range(0, 3).Select(s => new IssueSection($"Topic {s + 1}", Enumerable.Range(0, 5).Select(e => new IssueEntry
        {
            Id = ArxivId.Parse(string.Create(CultureInfo.InvariantCulture, $"2506.{s * 5 + e + 1:D5}")),
            Title = $"A paper title of ordinary length, number {s * 5 + e + 1}",
            Authors = ["Mira Okafor", "Tom Lindqvist", "Priya Raman"],
            Text = new EntryText(
                "A one-line summary of what the paper shows and why it matters.",
                ["A first paragraph of summary, about sixty words long, describing the method and the setting in which it was tested, with numbers such as 4.1 points on GSM8K.", "A second paragraph on the results and their limits."],
                "A sentence of commentary from the curator."),
            Writer = "offline",
        }).ToList())).ToList(),
    };

    private sealed class IssueContent(PreparedEmail prepared) : IMessageContent
    {
        public MessageContent For(Subscriber subscriber, Uri unsubscribeUrl)
        {
            var rendered = prepared.ForSubscriber(new EmailPersonalisation(subscriber.Name, unsubscribeUrl));
            return new MessageContent(rendered.Subject, rendered.Html, rendered.Text);
        }
    }
}
