using System.Globalization;
using Roundup.Application.Delivering;
using Roundup.Application.Hosting;
using Roundup.Calendar;
using Roundup.Delivery;
using Roundup.Delivery.Sending;
using Roundup.Web.Desk.Jobs;

namespace Roundup.Web.Desk.Send;

/// <summary>
/// A send from the desk as a job: <see cref="SendIssue.SendAsync"/> consumed mailing by mailing, each outcome told in
/// the words of <c>roundup send</c>, and the outbox of the send's mailings (sent, deferred, failed, suppressed, waiting)
/// kept as the job's figures while it runs, read from the store's committed rows.
/// </summary>
internal static class SendJob
{
    /// <summary>How often the figures are read from the outbox while a mailing is sent.</summary>
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);

    public const string Again = "press Send again";

    public static async Task RunAsync(DeskJob job, RoundupHost host, IssueWeek week, bool retryFailed, CancellationToken ct)
    {
        var send = new SendIssue(host);
        var plan = await send.PlanAsync(week, null, ct);
        job.Report($"sending {plan.Issue.Week} through {plan.Mail.Transport.Description}: {string.Join(", ", plan.Mailings.Select(m => m.Key))}");
        await FiguresAsync(job, plan, ct);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watch = WatchAsync(job, plan, watching.Token);
        var unfinished = new List<MailingKey>();
        try
        {
            await foreach (var outcome in send.SendAsync(plan, retryFailed, ct))
            {
                foreach (var line in Lines(outcome))
                {
                    job.Report(line);
                }

                if (!outcome.Finished)
                {
                    unfinished.Add(outcome.Key);
                }
            }
        }
        finally
        {
            await watching.CancelAsync();
            await watch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await FiguresAsync(job, plan, ct);
        job.Report(unfinished.Count == 0
            ? $"{plan.Issue.Week}: every mailing is finished"
            : $"not finished: {string.Join(", ", unfinished)} (see above what is left)");
    }

    /// <summary>What <c>roundup send</c> prints for the outcome (stdout and stderr alike), with the desk's way to run again.</summary>
    public static IEnumerable<string> Lines(MailingOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var key = outcome.Key;
        switch (outcome)
        {
            case MailingOutcome.DeliveredEarlier(_, var done, var retryable):
                yield return $"{key}: delivered earlier ({done.Sent} sent, {done.Failed} failed, {done.Suppressed} suppressed)";
                if (retryable > 0)
                {
                    yield return $"{key} is not finished: {retryable} failed message(s) to active subscribers can be sent again: send with \"retry failed messages\"";
                }

                break;
            case MailingOutcome.Delivered(_, var report):
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"{key}: sent {report.Sent}, deferred {report.Deferred}, failed {report.Failed}, suppressed {report.Suppressed}" +
                    $" ({report.Enqueued} new in the outbox, {report.Resumed} resumed{(report.Retried > 0 ? $", {report.Retried} failed retried" : "")}, {report.Elapsed.TotalSeconds:F1} s, {report.Destination})");
                var t = report.Totals;
                yield return $"{key} outbox: {t.Sent} sent, {t.Deferred} deferred, {t.Failed} failed, {t.Suppressed} suppressed, {t.Pending + t.Sending} waiting";
                if (report.Finished)
                {
                    yield return t.Failed == 0
                        ? $"{key}: finished"
                        : $"{key}: finished; {t.Failed} failed message(s) are for addresses the relay refused (suppressed) or subscribers who left, and are not retried";
                }
                else
                {
                    yield return $"{key} is not finished: {Unfinished(report)}";
                }

                break;
            case MailingOutcome.Stopped(_, var message):
                yield return $"stopped: {message}";
                yield return $"hint: messages not yet sent stay in the outbox; {Again} once the relay works";

                break;
        }
    }

    private static string Unfinished(DeliveryReport report)
    {
        var left = new List<string>();
        if (report.Waiting > 0)
        {
            var due = report.NextAttempt is { } next ? string.Create(CultureInfo.InvariantCulture, $" (the first due {next:u})") : "";
            left.Add($"{report.Waiting} message(s) wait for a later run{due}: {Again}");
        }

        if (report.Retryable > 0)
        {
            left.Add($"{report.Retryable} failed message(s) to active subscribers can be sent again: send with \"retry failed messages\"");
        }

        return string.Join("; ", left);
    }

    private static async Task WatchAsync(DeskJob job, SendPlan plan, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(Every, TimeProvider.System, ct);
            await FiguresAsync(job, plan, ct);
        }
    }

    /// <summary>The outbox of the send's mailings, summed: what has been sent of them so far, by state.</summary>
    private static async Task FiguresAsync(DeskJob job, SendPlan plan, CancellationToken ct)
    {
        var sum = DeliveryCounts.None;
        foreach (var mailing in plan.Mailings)
        {
            var c = await plan.Mail.Outbox.CountAsync(mailing.Key, ct);
            sum = new DeliveryCounts(sum.Pending + c.Pending, sum.Sending + c.Sending, sum.Sent + c.Sent, sum.Deferred + c.Deferred, sum.Failed + c.Failed, sum.Suppressed + c.Suppressed);
        }

        job.Figure("sent", sum.Sent);
        job.Figure("deferred", sum.Deferred);
        job.Figure("failed", sum.Failed);
        job.Figure("suppressed", sum.Suppressed);
        job.Figure("waiting", sum.Pending + sum.Sending);
    }
}
