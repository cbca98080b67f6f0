using System.Runtime.CompilerServices;
using Roundup.Application.Hosting;
using Roundup.Application.Issues;
using Roundup.Calendar;
using Roundup.Delivery;
using Roundup.Delivery.Sending;
using Roundup.Issues;
using Roundup.Publishing.Email;

namespace Roundup.Application.Delivering;

/// <summary>
/// Delivers an approved issue to every active subscriber through the outbox, then every erratum mailing of the week
/// that was asked for (<c>correct --email</c>) and is not finished. Run again after a crash, a kill or a relay failure,
/// it resumes, and nobody gets a second copy (see <see cref="DeliveryRun"/> for the one narrow window). With
/// <c>retryFailed</c>, the failed messages of subscribers who are still active are sent again.
/// </summary>
public sealed class SendIssue(RoundupHost host)
{
    /// <summary>The week's mailings: the issue, and unless the send is a proof to <paramref name="onlyAddress"/>, its errata.</summary>
    public async Task<SendPlan> PlanAsync(IssueWeek week, string? onlyAddress, CancellationToken ct)
    {
        var issue = await new IssueVersions(host).LoadAsync(week, ct);
        if (issue.Status == IssueStatus.Draft)
        {
            throw new UsageException($"{issue.Week} is a Draft: approve it first (roundup approve --week {issue.Week})");
        }

        var mail = await MailSetup.OpenAsync(host, ct);
        long? onlyId = null;
        if (onlyAddress is not null)
        {
            var subscriber = await mail.Subscribers.FindSubscriberAsync(onlyAddress, ct);
            onlyId = subscriber is { Status: SubscriberStatus.Active }
                ? subscriber.Id
                : throw new UsageException($"--only: the address is not an active subscriber{(subscriber is null ? "" : $" (subscriber {subscriber.Id} is {subscriber.Status.ToString().ToLowerInvariant()})")}");
        }

        var site = host.Options.Publish.Site();
        var mailings = new List<Mailing> { new(MailingKey.ForIssue(issue.Week), new PreparedContent(IssueEmail.Prepare(issue, site))) };
        if (onlyId is null)
        {
            // --only is a proof of the issue; errata go to whole audiences, fixed when first enqueued.
            for (var n = 1; n <= issue.Corrections.Count; n++)
            {
                if (issue.Corrections[n - 1].Email)
                {
                    mailings.Add(new Mailing(MailingKey.ForErratum(issue.Week, n), new PreparedContent(ErratumEmail.Prepare(issue, n, site))));
                }
            }
        }

        return new SendPlan(issue, onlyId, mailings, mail);
    }

    /// <summary>A dry run: each mailing's recipients now, every message built, nothing sent or stored.</summary>
    public async Task<IReadOnlyList<(Mailing Mailing, DeliveryPreview Preview)>> PreviewAsync(SendPlan plan, bool retryFailed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var run = plan.Mail.Run(host);
        var previews = new List<(Mailing, DeliveryPreview)>();
        foreach (var mailing in plan.Mailings)
        {
            previews.Add((mailing, await run.PreviewAsync(mailing.Key, mailing.Content, plan.OnlySubscriber, retryFailed, ct)));
        }

        return previews;
    }

    /// <summary>Sends the mailings in turn, each outcome as it comes; a relay that stops the run ends the send.</summary>
    public async IAsyncEnumerable<MailingOutcome> SendAsync(SendPlan plan, bool retryFailed, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var run = plan.Mail.Run(host);
        foreach (var mailing in plan.Mailings)
        {
            if (mailing.Key.IsErratum && await FinishedAsync(plan.Mail.Outbox, mailing.Key, ct) is { } done)
            {
                var retryable = await plan.Mail.Outbox.CountRetryableAsync(mailing.Key, cancellationToken: ct);
                if (!retryFailed || retryable == 0)
                {
                    yield return new MailingOutcome.DeliveredEarlier(mailing.Key, done, retryable);
                    continue;
                }
            }

            // With workers (send --workers), they send the whole audience in batches; a proof goes from here.
            var outcome = host.Work is { } work && plan.OnlySubscriber is null
                ? await new WorkerDelivery(host, work, plan.Mail).DeliverAsync(mailing.Key, retryFailed, ct)
                : await mailing.DeliverAsync(run, plan.OnlySubscriber, retryFailed, ct);
            yield return outcome;
            if (outcome is MailingOutcome.Stopped)
            {
                // The next mailing would meet the same relay.
                yield break;
            }
        }
    }

    /// <summary>The mailing's counts when it has rows and none is left to send; null while it is unstarted or unfinished.</summary>
    private static async Task<DeliveryCounts?> FinishedAsync(IOutboxStore outbox, MailingKey key, CancellationToken ct)
    {
        var counts = await outbox.CountAsync(key, ct);
        return counts.Pending + counts.Sending + counts.Deferred == 0 && counts.Sent + counts.Failed + counts.Suppressed > 0 ? counts : null;
    }
}

/// <summary>What a send will deliver: the issue, the proof's subscriber if any, the mailings in order, and the mail services.</summary>
public sealed record SendPlan(Issue Issue, long? OnlySubscriber, IReadOnlyList<Mailing> Mailings, MailSetup Mail);
