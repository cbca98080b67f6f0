using Microsoft.Extensions.Logging;
using Roundup.Application.Delivering;
using Roundup.Application.Hosting;
using Roundup.Application.Issues;
using Roundup.Application.Publishing;
using Roundup.Calendar;
using Roundup.Delivery;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Publishing.Email;

namespace Roundup.Application.Corrections;

/// <summary>
/// An erratum: recorded in the issue (a new version), shown on the archive page and in the feeds of a published
/// issue (rebuilt here), and e-mailed only when asked, as a mailing of its own to the subscribers who were sent the
/// issue (see <see cref="MailingKey"/>); <see cref="SendIssue"/> finishes one that was cut short.
/// </summary>
public sealed class CorrectIssue(RoundupHost host)
{
    /// <summary>Records the correction of <paramref name="paper"/> (or of the whole issue); with <paramref name="email"/>, returns its mailing to send.</summary>
    public async Task<RecordedCorrection> RecordAsync(IssueWeek week, string? paper, string text, bool email, CancellationToken ct)
    {
        var versions = new IssueVersions(host);
        var issue = await versions.LoadAsync(week, ct);
        ArxivId? id = null;
        if (paper is not null)
        {
            id = ArxivId.TryParse(paper, out var parsed, out var error) ? parsed.WithoutVersion() : throw new UsageException($"--paper: {error}");
            if (!issue.Entries.Any(e => e.Id.Canonical == parsed.Canonical))
            {
                throw new UsageException($"{parsed.Canonical} is not in the {issue.Week} issue");
            }
        }

        var words = text.Trim();
        if (words.Length == 0)
        {
            throw new UsageException("--text is empty");
        }

        if (email)
        {
            await RequireSentAsync(issue, (await MailSetup.OpenAsync(host, ct)).Outbox, ct);
        }

        var saved = await versions.SaveAsync(issue, issue with { Corrections = [.. issue.Corrections, new Correction(id, words, host.Time.GetUtcNow(), email)] }, ct);
        var rebuilt = saved.Status == IssueStatus.Published;
        if (rebuilt)
        {
            await IssueFiles.RebuildArchiveAsync(host, ct);
        }

        Mailing? mailing = null;
        if (email)
        {
            var number = saved.Corrections.Count;
            mailing = new Mailing(MailingKey.ForErratum(saved.Week, number), new PreparedContent(ErratumEmail.Prepare(saved, number, host.Options.Publish.Site())));
        }

        return new RecordedCorrection(saved, rebuilt, mailing);
    }

    /// <summary>Sends the erratum mailing <see cref="RecordAsync"/> returned.</summary>
    public async Task<MailingOutcome> SendAsync(RecordedCorrection recorded, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var mailing = recorded.Mailing ?? throw new InvalidOperationException("the correction was recorded without --email");
        var week = recorded.Issue.Week;
        host.Logs.CreateLogger<CorrectIssue>().LogInformation("{Key}: e-mailing correction {Number} to those who were sent {Week}; if this is cut short, `roundup send --week {Week}` finishes it", mailing.Key, recorded.Issue.Corrections.Count, week, week);
        return await mailing.DeliverAsync((await MailSetup.OpenAsync(host, ct)).Run(host), null, retryFailed: false, ct);
    }

    /// <summary>Refuses e-mail for an issue that is not published or that nobody has been sent: its own e-mail will carry the correction.</summary>
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

/// <summary>The issue with the correction, whether its archive was rebuilt, and the erratum mailing when one was asked for.</summary>
public sealed record RecordedCorrection(Issue Issue, bool ArchiveRebuilt, Mailing? Mailing);
