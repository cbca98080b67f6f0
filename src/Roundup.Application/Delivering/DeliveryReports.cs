using Roundup.Application.Hosting;
using Roundup.Calendar;
using Roundup.Delivery;
using Roundup.Issues;

namespace Roundup.Application.Delivering;

/// <summary>
/// Where each mailing stands in the outbox: every approved or published issue's own mailing and the erratum mailings
/// asked for (<c>correct --email</c>), with their counts, and for one mailing the messages that failed or wait, with the
/// relay's last answer (addresses already removed from it by the delivery run).
/// </summary>
public sealed class DeliveryReports(RoundupHost host)
{
    /// <summary>How many failed or deferred messages a mailing's report lists at most.</summary>
    public const int MaxProblems = 500;

    /// <summary>The mailings of every issue that can be sent, newest issue first, each with its outbox counts.</summary>
    public async Task<IReadOnlyList<MailingSummary>> ListAsync(CancellationToken ct)
    {
        var store = await host.StoreAsync(ct);
        var summaries = new List<MailingSummary>();
        foreach (var issue in (await store.Issues.ListAsync(ct)).Where(i => i.Status != IssueStatus.Draft).OrderByDescending(i => i.Week))
        {
            foreach (var key in Mailings(issue))
            {
                summaries.Add(new MailingSummary(key, issue.Title, await store.Outbox.CountAsync(key, ct)));
            }
        }

        return summaries;
    }

    /// <summary>An issue's mailing and the erratum mailings it asked for, in order.</summary>
    public static IReadOnlyList<MailingKey> Mailings(Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var keys = new List<MailingKey> { MailingKey.ForIssue(issue.Week) };
        for (var n = 1; n <= issue.Corrections.Count; n++)
        {
            if (issue.Corrections[n - 1].Email)
            {
                keys.Add(MailingKey.ForErratum(issue.Week, n));
            }
        }

        return keys;
    }

    /// <summary>The outbox counts of one mailing.</summary>
    public async Task<DeliveryCounts> CountAsync(MailingKey key, CancellationToken ct) =>
        await (await host.StoreAsync(ct)).Outbox.CountAsync(key, ct);

    /// <summary>One mailing's report: its counts, and its failed and deferred messages (at most <see cref="MaxProblems"/>) with the relay's answers.</summary>
    public async Task<MailingReport> ReportAsync(MailingKey key, CancellationToken ct)
    {
        var outbox = (await host.StoreAsync(ct)).Outbox;
        var counts = await outbox.CountAsync(key, ct);
        var problems = await outbox.ListOutboxRowsAsync(key, [OutboxState.Failed, OutboxState.Deferred], MaxProblems, ct);
        var retryable = await outbox.CountRetryableAsync(key, cancellationToken: ct);
        return new MailingReport(key, counts, problems, retryable);
    }

    /// <summary>The week's issue and its own mailing's counts: what the send page starts from.</summary>
    public async Task<(Issue Issue, DeliveryCounts Counts)> IssueAsync(IssueWeek week, CancellationToken ct)
    {
        var issue = await new Issues.IssueVersions(host).LoadAsync(week, ct);
        return (issue, await CountAsync(MailingKey.ForIssue(issue.Week), ct));
    }
}

/// <summary>A mailing of an issue (its title) and its outbox counts.</summary>
public sealed record MailingSummary(MailingKey Key, string IssueTitle, DeliveryCounts Counts);

/// <summary>
/// A mailing's delivery report: its outbox counts, its failed and deferred messages with their subscribers and the
/// relay's last answers, and how many failed messages could be sent again (their subscribers are still active).
/// </summary>
public sealed record MailingReport(MailingKey Key, DeliveryCounts Counts, IReadOnlyList<OutboxItem> Problems, int Retryable);
