using System.CommandLine;
using Microsoft.Extensions.Logging;
using Roundup.Delivery;
using Roundup.Delivery.Messages;
using Roundup.Delivery.Sending;
using Roundup.Delivery.Transport;
using Roundup.Issues;
using Roundup.Publishing.Email;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup send --week W [--dry-run] [--only ADDRESS]</c>: delivers an approved issue to every active subscriber
/// through the outbox. Run it again after a crash, a kill or a relay failure: it resumes, and nobody gets a second
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

            var content = new IssueContent(IssueEmail.Prepare(issue, host.Options.Publish.Site()));
            var run = new DeliveryRun(mail.Store, mail.Transport, mail.Builder, host.Options.Mail.DeliverySettings(), host.Time, host.Logs.CreateLogger<DeliveryRun>());
            var name = issue.Week.ToString();
            if (parse.GetValue(dryRun))
            {
                var preview = await run.PreviewAsync(name, content, onlyId, ct);
                Console.Out.WriteLine($"dry run: {name} would go to {preview.Recipients} subscriber(s) through {mail.Transport.Description}; subject: {preview.Subject}");
                return CommandRunner.Success;
            }

            try
            {
                var report = await run.RunAsync(name, content, onlyId, ct);
                Console.Out.WriteLine(
                    $"{name}: sent {report.Sent}, deferred {report.Deferred}, failed {report.Failed}, suppressed {report.Suppressed}" +
                    $" ({report.Enqueued} new in the outbox, {report.Resumed} resumed, {report.Elapsed.TotalSeconds:F1} s, {report.Destination})");
                var t = report.Totals;
                Console.Out.WriteLine($"{name} outbox: {t.Sent} sent, {t.Deferred} deferred, {t.Failed} failed, {t.Suppressed} suppressed, {t.Pending + t.Sending} waiting");
                return CommandRunner.Success;
            }
            catch (DeliveryException e)
            {
                await Console.Error.WriteLineAsync($"roundup: {e.Message}");
                await Console.Error.WriteLineAsync("  hint: messages not yet sent stay in the outbox; run the same command again once the relay works");
                return CommandRunner.Failed;
            }
            catch (DeliveryBusyException e)
            {
                await Console.Error.WriteLineAsync($"roundup: {e.Message}");
                return CommandRunner.Failed;
            }
        });
        return command;
    }

    /// <summary>The issue rendered once; each subscriber's copy splices in the greeting and the unsubscribe link.</summary>
    private sealed class IssueContent(PreparedEmail prepared) : IMessageContent
    {
        public MessageContent For(Subscriber subscriber, Uri unsubscribeUrl)
        {
            var rendered = prepared.ForSubscriber(new EmailPersonalisation(subscriber.Name, unsubscribeUrl));
            return new MessageContent(rendered.Subject, rendered.Html, rendered.Text);
        }
    }
}
