using System.CommandLine;
using Microsoft.Extensions.Logging;
using Roundup.Delivery;
using Roundup.Delivery.Messages;
using Roundup.Delivery.Sending;
using Roundup.Delivery.Transport;
using Roundup.Issues;
using Roundup.Publishing.Email;
using Roundup.Storage.Sqlite;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup send --week W [--dry-run] [--only ADDRESS]</c>: delivers an approved issue to every active subscriber
/// through the outbox, then every erratum mailing of the week that was asked for (<c>correct --email</c>) and is not
/// finished. Run it again after a crash, a kill or a relay failure: it resumes, and nobody gets a second
/// copy (see <see cref="DeliveryRun"/> for the one narrow window).
/// </summary>
public static class SendCommand
{
    public static Command Create()
    {
        var command = new Command("send", "Send an approved issue to the subscribers (Mail:Sender: pickup folder or SMTP relay)");
        var week = CommonOptions.Week();
        var dryRun = new Option<bool>("--dry-run") { Description = "Build every message and count the recipients; send and store nothing" };
        var only = new Option<string?>("--only") { Description = "Send only to this subscriber's address (e.g. a proof to yourself)" };
        command.Options.Add(week);
        command.Options.Add(dryRun);
        command.Options.Add(only);
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
                var subscriber = await mail.Store.FindSubscriberAsync(address, ct);
                onlyId = subscriber is { Status: SubscriberStatus.Active }
                    ? subscriber.Id
                    : throw new UsageException($"--only: the address is not an active subscriber{(subscriber is null ? "" : $" (subscriber {subscriber.Id} is {subscriber.Status.ToString().ToLowerInvariant()})")}");
            }

            var site = host.Options.Publish.Site();
            var name = issue.Week.ToString();
            var mailings = new List<(string Key, IMessageContent Content)> { (name, new PreparedContent(IssueEmail.Prepare(issue, site))) };
            if (onlyId is null)
            {
                // --only is a proof of the issue; errata go to whole audiences, fixed when first enqueued.
                mailings.AddRange(ErratumMailings(issue, site));
            }

            var run = new DeliveryRun(mail.Store, mail.Transport, mail.Builder, host.Options.Mail.DeliverySettings(), host.Time, host.Logs.CreateLogger<DeliveryRun>());
            if (parse.GetValue(dryRun))
            {
                foreach (var (key, content) in mailings)
                {
                    var preview = await run.PreviewAsync(key, content, onlyId, ct);
                    Console.Out.WriteLine($"dry run: {key} would go to {preview.Recipients} subscriber(s) through {mail.Transport.Description}; subject: {preview.Subject ?? "(no recipients)"}");
                }

                return CommandRunner.Success;
            }

            foreach (var (key, content) in mailings)
            {
                if (key != name && await FinishedAsync(mail.Store, key, ct) is { } done)
                {
                    Console.Out.WriteLine($"{key}: delivered earlier ({done.Sent} sent, {done.Failed} failed, {done.Suppressed} suppressed)");
                    continue;
                }

                var result = await DeliverAsync(run, key, content, onlyId, $"messages not yet sent stay in the outbox; run `roundup send --week {name}` again once the relay works", ct);
                if (result != CommandRunner.Success)
                {
                    return result;
                }
            }

            return CommandRunner.Success;
        });
        return command;
    }

    /// <summary>One outbox mailing through <paramref name="run"/>, reported on stdout; a relay failure or a busy store is reported with <paramref name="hint"/> and fails the verb.</summary>
    internal static async Task<int> DeliverAsync(DeliveryRun run, string key, IMessageContent content, long? onlyId, string hint, CancellationToken ct)
    {
        try
        {
            var report = await run.RunAsync(key, content, onlyId, ct);
            Console.Out.WriteLine(
                $"{key}: sent {report.Sent}, deferred {report.Deferred}, failed {report.Failed}, suppressed {report.Suppressed}" +
                $" ({report.Enqueued} new in the outbox, {report.Resumed} resumed, {report.Elapsed.TotalSeconds:F1} s, {report.Destination})");
            var t = report.Totals;
            Console.Out.WriteLine($"{key} outbox: {t.Sent} sent, {t.Deferred} deferred, {t.Failed} failed, {t.Suppressed} suppressed, {t.Pending + t.Sending} waiting");
            return CommandRunner.Success;
        }
        catch (DeliveryException e)
        {
            await Console.Error.WriteLineAsync($"roundup: {e.Message}");
            await Console.Error.WriteLineAsync($"  hint: {hint}");
            return CommandRunner.Failed;
        }
        catch (DeliveryBusyException e)
        {
            await Console.Error.WriteLineAsync($"roundup: {e.Message}");
            return CommandRunner.Failed;
        }
    }

    /// <summary>The erratum mailings the curator asked for (<c>correct --email</c>), in the order of the corrections.</summary>
    private static IEnumerable<(string Key, IMessageContent Content)> ErratumMailings(Issue issue, Publishing.SiteOptions site)
    {
        for (var n = 1; n <= issue.Corrections.Count; n++)
        {
            if (issue.Corrections[n - 1].Email)
            {
                yield return (MailingKey.Erratum(issue.Week.ToString(), n), new PreparedContent(ErratumEmail.Prepare(issue, n, site)));
            }
        }
    }

    /// <summary>The mailing's counts when it has rows and none is left to send; null while it is unstarted or unfinished.</summary>
    private static async Task<DeliveryCounts?> FinishedAsync(SqliteDeliveryStore store, string key, CancellationToken ct)
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
