using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Roundup.Delivery;
using Roundup.Delivery.Messages;
using Roundup.Delivery.Sending;
using Roundup.Delivery.Transport;
using Roundup.Issues;
using Roundup.Publishing.Email;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup send --week W [--dry-run] [--only ADDRESS] [--retry-failed]</c>: delivers an approved issue to every
/// active subscriber through the outbox, then every erratum mailing of the week that was asked for
/// (<c>correct --email</c>) and is not finished. Run it again after a crash, a kill or a relay failure: it resumes, and
/// nobody gets a second copy (see <see cref="DeliveryRun"/> for the one narrow window). <c>--retry-failed</c> sends
/// the failed messages of subscribers who are still active again. Exit code 0 only when every mailing is finished (all
/// sent, save addresses the relay refused, now suppressed); 1 when the relay stopped the run or anything is left to
/// send later or to retry, and the last line says what.
/// </summary>
public static class SendCommand
{
    public static Command Create()
    {
        var command = new Command("send", "Send an approved issue to the subscribers (Mail:Sender: pickup folder or SMTP relay)");
        var week = CommonOptions.Week();
        var dryRun = new Option<bool>("--dry-run") { Description = "Build every message and count the recipients; send and store nothing" };
        var only = new Option<string?>("--only") { Description = "Send only to this subscriber's address (e.g. a proof to yourself)" };
        var retryFailed = new Option<bool>("--retry-failed")
        {
            Description = "Also send again the messages that failed (refused, or given up after repeated 4xx) to subscribers who are still active; a refused address stays suppressed, and a message the relay took is never sent again",
        };
        command.Options.Add(week);
        command.Options.Add(dryRun);
        command.Options.Add(only);
        command.Options.Add(retryFailed);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var issue = await IssueFiles.LoadAsync(host, IssueFiles.Week(parse.GetValue(week), host), ct);
            if (issue.Status == IssueStatus.Draft)
            {
                throw new UsageException($"{issue.Week} is a Draft: approve it first (roundup approve --week {issue.Week})");
            }

            await using var mail = await MailSetup.OpenAsync(host, ct);
            long? onlyId = null;
            if (parse.GetValue(only) is { } address)
            {
                var subscriber = await mail.Subscribers.FindSubscriberAsync(address, ct);
                onlyId = subscriber is { Status: SubscriberStatus.Active }
                    ? subscriber.Id
                    : throw new UsageException($"--only: the address is not an active subscriber{(subscriber is null ? "" : $" (subscriber {subscriber.Id} is {subscriber.Status.ToString().ToLowerInvariant()})")}");
            }

            var site = host.Options.Publish.Site();
            var name = MailingKey.ForIssue(issue.Week);
            var retry = parse.GetValue(retryFailed);
            var mailings = new List<(MailingKey Key, IMessageContent Content)> { (name, new PreparedContent(IssueEmail.Prepare(issue, site))) };
            if (onlyId is null)
            {
                // --only is a proof of the issue; errata go to whole audiences, fixed when first enqueued.
                mailings.AddRange(ErratumMailings(issue, site));
            }

            var run = new DeliveryRun(mail.Outbox, mail.SenderLock, mail.Transport, mail.Builder, host.Options.Mail.DeliverySettings(), host.Time, host.Logs.CreateLogger<DeliveryRun>());
            if (parse.GetValue(dryRun))
            {
                foreach (var (key, content) in mailings)
                {
                    var preview = await run.PreviewAsync(key, content, onlyId, retry, ct);
                    Console.Out.WriteLine($"dry run: {key} would go to {preview.Recipients} subscriber(s) through {mail.Transport.Description}; subject: {preview.Subject ?? "(no recipients)"}");
                }

                return CommandRunner.Success;
            }

            var again = $"roundup send --week {name}";
            var exit = CommandRunner.Success;
            foreach (var (key, content) in mailings)
            {
                if (key != name && await FinishedAsync(mail.Outbox, key, ct) is { } done)
                {
                    var retryable = await mail.Outbox.CountRetryableAsync(key, cancellationToken: ct);
                    if (!retry || retryable == 0)
                    {
                        Console.Out.WriteLine($"{key}: delivered earlier ({done.Sent} sent, {done.Failed} failed, {done.Suppressed} suppressed)");
                        if (retryable > 0)
                        {
                            await Console.Error.WriteLineAsync($"roundup: {key} is not finished: {retryable} failed message(s) to active subscribers can be sent again: `{again} --retry-failed`");
                            exit = CommandRunner.Failed;
                        }

                        continue;
                    }
                }

                var report = await DeliverAsync(run, key, content, onlyId, retry, again, $"messages not yet sent stay in the outbox; run `{again}` again once the relay works", ct);
                if (report is null)
                {
                    // The relay stopped the run: the next mailing would meet the same relay.
                    return CommandRunner.Failed;
                }

                exit = Math.Max(exit, ExitCode(report));
            }

            return exit;
        });
        return command;
    }

    /// <summary>
    /// One outbox mailing through <paramref name="run"/>, reported on stdout, then on its last line whether it is
    /// finished, and if not, the command (<paramref name="again"/>) that finishes it. A relay failure or a busy store is
    /// reported on stderr with <paramref name="hint"/>, and null returned.
    /// </summary>
    internal static async Task<DeliveryReport?> DeliverAsync(DeliveryRun run, MailingKey key, IMessageContent content, long? onlyId, bool retryFailed, string again, string hint, CancellationToken ct)
    {
        try
        {
            var report = await run.RunAsync(key, content, onlyId, retryFailed, ct);
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
                await Console.Error.WriteLineAsync($"roundup: {key} is not finished: {Unfinished(report, again)}");
            }

            return report;
        }
        catch (DeliveryException e)
        {
            await Console.Error.WriteLineAsync($"roundup: {e.Message}");
            await Console.Error.WriteLineAsync($"  hint: {hint}");
            return null;
        }
        catch (DeliveryBusyException e)
        {
            await Console.Error.WriteLineAsync($"roundup: {e.Message}");
            return null;
        }
    }

    /// <summary>0 for a finished mailing; 1 for one the relay stopped (null) or that has messages left to send or retry.</summary>
    internal static int ExitCode(DeliveryReport? report) => report is { Finished: true } ? CommandRunner.Success : CommandRunner.Failed;

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

    /// <summary>The erratum mailings the curator asked for (<c>correct --email</c>), in the order of the corrections.</summary>
    private static IEnumerable<(MailingKey Key, IMessageContent Content)> ErratumMailings(Issue issue, Publishing.SiteOptions site)
    {
        for (var n = 1; n <= issue.Corrections.Count; n++)
        {
            if (issue.Corrections[n - 1].Email)
            {
                yield return (MailingKey.ForErratum(issue.Week, n), new PreparedContent(ErratumEmail.Prepare(issue, n, site)));
            }
        }
    }

    /// <summary>The mailing's counts when it has rows and none is left to send; null while it is unstarted or unfinished.</summary>
    private static async Task<DeliveryCounts?> FinishedAsync(IOutboxStore store, MailingKey key, CancellationToken ct)
    {
        var counts = await store.CountAsync(key, ct);
        return counts.Pending + counts.Sending + counts.Deferred == 0 && counts.Sent + counts.Failed + counts.Suppressed > 0 ? counts : null;
    }
}

/// <summary>A message rendered once (an issue or an erratum); each subscriber's copy splices in the greeting and the unsubscribe link.</summary>
internal sealed class PreparedContent(PreparedEmail prepared) : IMessageContent
{
    public MessageContent For(Subscriber subscriber, Uri unsubscribeUrl)
    {
        var rendered = prepared.ForSubscriber(new EmailPersonalisation(subscriber.Name, unsubscribeUrl));
        return new MessageContent(rendered.Subject, rendered.Html, rendered.Text);
    }
}
