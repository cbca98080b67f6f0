using Microsoft.Extensions.Logging.Abstractions;
using Roundup.Application.Delivering;
using Roundup.Application.Hosting;
using Roundup.Application.Settings;
using Roundup.Calendar;
using Roundup.Delivery;
using Roundup.Issues;
using Roundup.Testing;

namespace Roundup.Application.Tests.Delivering;

/// <summary>The delivery reports and the readers' views the desk shows, over a real SQLite store.</summary>
public sealed class DeliveryReportsTests : IDisposable
{
    private static readonly IssueWeek Week = IssueWeek.Parse("2025-W26");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private RoundupHost Host()
    {
        var (options, errors, _) = ConfigurationLoader.Load(null,
        [
            new("Store:Path", _dir.File("roundup.db")),
            new("Publish:SiteUrl", "https://example.org/roundup/"),
            new("Mail:PickupDir", _dir.File("mail")),
            new("Mail:LinkKeyFile", _dir.File("roundup.linkkey")),
        ]);
        Assert.Empty(errors);
        return new RoundupHost(options, NullLoggerFactory.Instance, TimeProvider.System);
    }

    private static Issue Issue(IssueWeek week, IssueStatus status, params Correction[] corrections) => new()
    {
        Week = week,
        Title = $"Issue {week}",
        Intro = "An intro.",
        Sections = [],
        Status = status,
        Version = 1,
        Written = new DateTimeOffset(2025, 6, 26, 20, 0, 0, TimeSpan.Zero),
        Corrections = corrections,
    };

    [Fact]
    public async Task Every_sendable_issue_lists_its_mailing_and_the_errata_asked_for_and_a_report_names_failures_with_the_relays_answer()
    {
        await using var host = Host();
        var ct = TestContext.Current.CancellationToken;
        var store = await host.StoreAsync(ct);
        var recorded = new DateTimeOffset(2025, 6, 30, 8, 0, 0, TimeSpan.Zero);
        await store.Issues.SaveAsync(Issue(Week, IssueStatus.Published, new Correction(null, "a typo", recorded), new Correction(null, "a wrong number", recorded, Email: true)), ct);
        await store.Issues.SaveAsync(Issue(IssueWeek.Parse("2025-W27"), IssueStatus.Draft), ct);
        var ids = (await store.Subscribers.AddSubscribersAsync([new SubscriberImport("a@example.org", null), new SubscriberImport("b@example.org", null)], SubscriberStatus.Active, ct)).AddedIds;
        var key = MailingKey.ForIssue(Week);
        await store.Outbox.EnqueueAsync(key, "example.org", cancellationToken: ct);
        await store.Outbox.ClaimAsync(key, 10, new OutboxLease("test", TimeSpan.FromMinutes(1)), cancellationToken: ct);
        await store.Outbox.MarkSentAsync(key, ids[0], "250 ok", ct);
        await store.Outbox.MarkFailedAsync(key, ids[1], "550 5.1.1 no such user", SuppressionReason.Bounced, ct);

        var reports = new DeliveryReports(host);
        var list = await reports.ListAsync(ct);
        Assert.Equal([key, MailingKey.ForErratum(Week, 2)], list.Select(m => m.Key));
        Assert.Equal((1, 1), (list[0].Counts.Sent, list[0].Counts.Failed));
        Assert.Equal(0, list[1].Counts.Total);

        var report = await reports.ReportAsync(key, ct);
        var failed = Assert.Single(report.Problems);
        Assert.Equal(("b@example.org", OutboxState.Failed, "550 5.1.1 no such user"), (failed.Subscriber.Email, failed.Row.State, failed.Row.LastAnswer));
        Assert.Equal(0, report.Retryable);

        var subscribers = new ManageSubscribers(host);
        var counts = await subscribers.CountAsync(ct);
        Assert.Equal((1, 1, 0), (counts[SubscriberStatus.Active], counts[SubscriberStatus.Bounced], counts[SubscriberStatus.Pending]));
        var suppression = Assert.Single(await subscribers.SuppressionsAsync(ct));
        Assert.Equal((SuppressionReason.Bounced, ids[1]), (suppression.Suppression.Reason, suppression.Subscriber?.Id));
    }

    [Fact]
    public async Task Csv_text_is_imported_like_a_file_and_a_bad_header_refuses_it_whole()
    {
        await using var host = Host();
        var ct = TestContext.Current.CancellationToken;
        var subscribers = new ManageSubscribers(host);

        var (file, added) = await subscribers.ImportAsync(new StringReader("email,name\nada@example.org,Ada\nnope,Bob\n"), "upload.csv", confirmed: true, ct);
        Assert.Equal((1, 3), (added.Result.Added, Assert.Single(file.Problems).Line));
        Assert.Null(added.ConfirmationsSent);

        var refused = await Assert.ThrowsAsync<FormatException>(() => subscribers.ImportAsync(new StringReader("address\nbo@example.org\n"), "upload.csv", confirmed: true, ct));
        Assert.StartsWith("upload.csv: line 1: the header must be 'email,name'", refused.Message, StringComparison.Ordinal);
        Assert.Single(await subscribers.ListAsync(null, ct));
    }
}
