using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Roundup.Application.Distributing;
using Roundup.Application.Hosting;
using Roundup.Delivery;
using Roundup.Delivery.Sending;

namespace Roundup.Application.Delivering;

/// <summary>
/// A mailing sent by <c>roundup worker</c> processes (<c>send --workers</c>): this process enqueues the outbox, then
/// hands out the due rows in batches of <see cref="Settings.WorkersOptions.DeliveryBatch"/> messages, one job each, and
/// looks again until nothing is left that a sender could deliver now, as a single <see cref="DeliveryRun"/> would: rows
/// of a killed worker are handed out again when their lease ends, and deferred messages when they come due within
/// Mail:WaitForDeferredSeconds. The outbox's claims under leases keep every subscriber to one copy, however the batches
/// fall on the workers.
/// </summary>
internal sealed class WorkerDelivery(RoundupHost host, IWorkDispatcher work, MailSetup mail)
{
    /// <summary>How often the coordinator looks again while another sender holds rows.</summary>
    private static readonly TimeSpan LeasePoll = TimeSpan.FromSeconds(1);

    public async Task<MailingOutcome> DeliverAsync(MailingKey mailing, bool retryFailed, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var logger = host.Logs.CreateLogger<WorkerDelivery>();
        var batchSize = host.Options.Workers.DeliveryBatch;
        var waitForDeferred = host.Options.Mail.DeliverySettings().WaitForDeferred;
        var delivery = mail.Run(host);
        var start = await delivery.StartAsync(mailing, null, retryFailed, ct);
        logger.LogInformation("{Mailing}: {Enqueued} new message(s) in the outbox; the workers send them in batches of up to {Batch}", mailing, start.Enqueued, batchSize);

        // A name no sender has: every live lease is another's.
        var nobody = OutboxLease.NewSender();
        var done = DeliveryBatchReport.None;
        var batches = 0;
        while (true)
        {
            var counts = await mail.Outbox.CountAsync(mailing, ct);
            var now = host.Time.GetUtcNow();
            var leaseEnd = await mail.Outbox.NextLeaseEndAsync(mailing, nobody, ct);
            var nextDeferred = await mail.Outbox.NextDeferredAsync(mailing, ct);
            var due = counts.Pending + (leaseEnd <= now ? counts.Sending : 0) + (nextDeferred <= now ? counts.Deferred : 0);
            if (due > 0)
            {
                var round = (due + batchSize - 1) / batchSize;
                batches += round;
                var outcomes = await work.DeliverBatchesAsync(mailing, round, batchSize, ct);
                done = outcomes.Where(o => o.Report is not null).Aggregate(done, (sum, o) => sum.Plus(o.Report!));
                if (outcomes.FirstOrDefault(o => o.Stopped is not null) is { } stopped)
                {
                    return new MailingOutcome.Stopped(mailing, stopped.Stopped!);
                }

                continue;
            }

            // Nothing due now: wait for another sender's rows (its lease may run out) or for deferred messages.
            var deferredSoon = nextDeferred is { } next && next - now <= waitForDeferred ? next : (DateTimeOffset?)null;
            if (leaseEnd is null && deferredSoon is null)
            {
                break;
            }

            var until = new[] { leaseEnd is null ? (DateTimeOffset?)null : now + LeasePoll, deferredSoon }.Where(t => t is not null).Min()!.Value;
            await Task.Delay(until > now ? until - now : TimeSpan.Zero, host.Time, ct);
        }

        return new MailingOutcome.Delivered(mailing, await delivery.ReportAsync(mailing, start, $"{batches} batch(es) on the workers", done, null, clock.Elapsed, ct));
    }
}
