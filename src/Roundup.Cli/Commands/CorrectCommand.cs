using System.CommandLine;
using Microsoft.Extensions.Logging;
using Roundup.Delivery;
using Roundup.Delivery.Sending;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Publishing.Email;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup correct --week W [--paper ID] --text … [--email]</c>: an erratum. The archive page and the feed entry
/// show it (the entry's updated time moves). It is e-mailed only with <c>--email</c>, as a mailing of its own to the
/// subscribers who were sent the issue (see <see cref="MailingKey"/>); <c>send</c> finishes one that was cut short.
/// </summary>
public static class CorrectCommand
{
    public static Command Create()
    {
        var command = new Command("correct", "Record a correction to a week's issue (shown in the archive and feeds; e-mailed to those who got the issue only with --email)");
        var week = CommonOptions.Week();
        var paper = new Option<string?>("--paper") { Description = "arXiv id of the paper it corrects (none: the whole issue)" };
        var text = new Option<string>("--text") { Description = "The correction", Required = true };
        var email = new Option<bool>("--email") { Description = "Also e-mail it, once, to the active subscribers who were sent the issue (a published issue only)" };
        command.Options.Add(week);
        command.Options.Add(paper);
        command.Options.Add(text);
        command.Options.Add(email);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var issue = await IssueFiles.LoadAsync(host, IssueFiles.Week(parse.GetValue(week), host), ct);
            ArxivId? id = null;
            if (parse.GetValue(paper) is { } given)
            {
                id = ArxivId.TryParse(given, out var parsed, out var error) ? parsed.WithoutVersion() : throw new UsageException($"--paper: {error}");
                if (!issue.Entries.Any(e => e.Id.Canonical == parsed.Canonical))
                {
                    throw new UsageException($"{parsed.Canonical} is not in the {issue.Week} issue");
                }
            }

            var words = parse.GetValue(text)!.Trim();
            if (words.Length == 0)
            {
                throw new UsageException("--text is empty");
            }

            var mailIt = parse.GetValue(email);
            await using var mail = mailIt ? await MailSetup.OpenAsync(host, ct) : null;
            if (mail is not null)
            {
                await RequireSentAsync(issue, mail.Outbox, ct);
            }

            var saved = await IssueFiles.SaveAsync(host, issue, issue with { Corrections = [.. issue.Corrections, new Correction(id, words, host.Time.GetUtcNow(), mailIt)] }, ct);
            if (saved.Status == IssueStatus.Published)
            {
                await IssueFiles.RebuildArchiveAsync(host, ct);
            }

            Console.Out.WriteLine($"correction recorded in {saved.Week} (version {saved.Version}){(saved.Status == IssueStatus.Published ? "; archive and feeds rebuilt" : "")}");
            if (mail is null)
            {
                return CommandRunner.Success;
            }

            var number = saved.Corrections.Count;
            var key = MailingKey.ForErratum(saved.Week, number);
            var resume = $"the correction is recorded and its mailing {key} stays in the outbox; run `roundup send --week {saved.Week}` to finish it";
            var logger = host.Logs.CreateLogger<DeliveryRun>();
            logger.LogInformation("{Key}: e-mailing correction {Number} to those who were sent {Week}; if this is cut short, `roundup send --week {Week}` finishes it", key, number, saved.Week, saved.Week);
            var run = new DeliveryRun(mail.Outbox, mail.SenderLock, mail.Transport, mail.Builder, host.Options.Mail.DeliverySettings(), host.Time, logger);
            var content = new PreparedContent(ErratumEmail.Prepare(saved, number, host.Options.Publish.Site()));
            return SendCommand.ExitCode(await SendCommand.DeliverAsync(run, key, content, null, retryFailed: false, $"roundup send --week {saved.Week}", resume, ct));
        });
        return command;
    }

    /// <summary>Refuses <c>--email</c> for an issue that is not published or that nobody has been sent: its own e-mail will carry the correction.</summary>
    private static async Task RequireSentAsync(Issue issue, IOutboxStore outbox, CancellationToken ct)
    {
        if (issue.Status != IssueStatus.Published)
        {
            throw new UsageException($"--email: the {issue.Week} issue is {issue.Status}, not Published: the erratum links to its archive page; publish it first (roundup publish --week {issue.Week}) or record the correction without --email");
        }

        if ((await outbox.CountAsync(MailingKey.ForIssue(issue.Week), ct)).Sent == 0)
        {
            throw new UsageException($"--email: the {issue.Week} issue has not been sent to anyone yet, and its own e-mail will carry the correction; record it without --email");
        }
    }
}
