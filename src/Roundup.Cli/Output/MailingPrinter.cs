using System.Globalization;
using Roundup.Application.Delivering;
using Roundup.Cli.Commands;
using Roundup.Delivery.Sending;

namespace Roundup.Cli.Output;

/// <summary>
/// A mailing's outcome: the run's counts on stdout, then on its last line whether it is finished, and if not, the
/// command (<c>again</c>) that finishes it; a relay failure or a busy store on stderr, with a hint for the former.
/// </summary>
public static class MailingPrinter
{
    /// <summary>Prints <paramref name="outcome"/>; returns 0 for a finished mailing, 1 for one stopped or with messages left.</summary>
    public static int Print(MailingOutcome outcome, string again, string hint)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var key = outcome.Key;
        switch (outcome)
        {
            case MailingOutcome.DeliveredEarlier(_, var done, var retryable):
                Console.Out.WriteLine($"{key}: delivered earlier ({done.Sent} sent, {done.Failed} failed, {done.Suppressed} suppressed)");
                if (retryable > 0)
                {
                    Console.Error.WriteLine($"roundup: {key} is not finished: {retryable} failed message(s) to active subscribers can be sent again: `{again} --retry-failed`");
                }

                break;
            case MailingOutcome.Delivered(_, var report):
                Console.Out.WriteLine(
                    $"{key}: sent {report.Sent}, deferred {report.Deferred}, failed {report.Failed}, suppressed {report.Suppressed}" +
                    $" ({report.Enqueued} new in the outbox, {report.Resumed} resumed{(report.Retried > 0 ? $", {report.Retried} failed retried" : "")}, {report.Elapsed.TotalSeconds:F1} s, {report.Destination})");
                var t = report.Totals;
                Console.Out.WriteLine($"{key} outbox: {t.Sent} sent, {t.Deferred} deferred, {t.Failed} failed, {t.Suppressed} suppressed, {t.Pending + t.Sending} waiting");
                if (report.Finished)
                {
                    Console.Out.WriteLine(t.Failed == 0
                        ? $"{key}: finished"
                        : $"{key}: finished; {t.Failed} failed message(s) are for addresses the relay refused (suppressed) or subscribers who left, and are not retried");
                }
                else
                {
                    Console.Error.WriteLine($"roundup: {key} is not finished: {Unfinished(report, again)}");
                }

                break;
            case MailingOutcome.Stopped(_, var message):
                Console.Error.WriteLine($"roundup: {message}");
                Console.Error.WriteLine($"  hint: {hint}");

                break;
        }

        return outcome.Finished ? CommandRunner.Success : CommandRunner.Failed;
    }

    private static string Unfinished(DeliveryReport report, string again)
    {
        var left = new List<string>();
        if (report.Waiting > 0)
        {
            var due = report.NextAttempt is { } next ? string.Create(CultureInfo.InvariantCulture, $" (the first due {next:u})") : "";
            left.Add($"{report.Waiting} message(s) wait for a later run{due}: run `{again}` again");
        }

        if (report.Retryable > 0)
        {
            left.Add($"{report.Retryable} failed message(s) to active subscribers can be sent again: `{again} --retry-failed`");
        }

        return string.Join("; ", left);
    }
}
