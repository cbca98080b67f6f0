using Roundup.Application.Delivering;
using Roundup.Application.Hosting;
using Roundup.Application.Writing;
using Roundup.Delivery;
using Roundup.Delivery.Sending;
using Roundup.Delivery.Transport;
using Roundup.FullText;
using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Writing.Pipeline;
using Roundup.Writing.Writers;

namespace Roundup.Application.Distributing;

/// <summary>
/// One unit of each parallel part, as a worker runs it on a host of its own: the same calls the single-process run
/// makes, so a job's result is what that run would have had.
/// </summary>
public static class WorkSteps
{
    /// <summary>Fetches the paper's full text into this machine's folder when missing (politely) and reads it.</summary>
    public static async Task<FullTextOutcome> ReadAsync(RoundupHost host, Paper paper, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            return new FullTextOutcome(await host.FullText.LoadAsync(paper, cancellationToken));
        }
        catch (FullTextException e)
        {
            return new FullTextOutcome(null, e.File, e.Problem);
        }
    }

    /// <summary>
    /// Writes one pick's entry with the configured writer for the coordinator's <paramref name="profile"/>, grounded,
    /// falling back to the offline writer.
    /// </summary>
    public static async Task<GroundedEntry> WriteAsync(RoundupHost host, CuratorProfile profile, PaperToWrite paper, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        return await WriterFactory.Create(host, profile).WriteGroundedAsync(paper, cancellationToken);
    }

    /// <summary>
    /// Sends one batch of <paramref name="mailing"/> (enqueued by the coordinator) with this machine's Mail settings:
    /// the message is rendered from the issue in the shared store, as the coordinator would have rendered it.
    /// </summary>
    public static async Task<DeliveryBatchOutcome> DeliverAsync(RoundupHost host, MailingKey mailing, int messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var plan = await new SendIssue(host).PlanAsync(mailing.Issue, null, cancellationToken);
        var content = plan.Mailings.FirstOrDefault(m => m.Key == mailing)?.Content
            ?? throw new WorkFailedException($"{mailing}: the issue has no such mailing (an erratum not asked to be e-mailed?)");
        try
        {
            return new DeliveryBatchOutcome(await plan.Mail.Run(host).RunBatchAsync(mailing, content, messages, cancellationToken));
        }
        catch (DeliveryException e)
        {
            return new DeliveryBatchOutcome(null, e.Message);
        }
    }
}
