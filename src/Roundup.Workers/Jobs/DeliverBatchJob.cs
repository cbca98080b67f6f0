using Microsoft.Extensions.Logging;
using Roundup.Application.Distributing;

namespace Roundup.Workers.Jobs;

/// <summary>
/// Sends one batch of a mailing for a run through this worker's relay settings and stores what it did. A batch tried
/// again after its worker died claims whatever is due then: the outbox, not the job, knows who has had the issue.
/// </summary>
public sealed class DeliverBatchJob(WorkerContext context)
{
    public async Task RunAsync(Guid run, int batch, CancellationToken cancellationToken)
    {
        if (await context.Store.UnsentBatchAsync(run, batch, cancellationToken) is not { } asked)
        {
            context.Logger.LogInformation("delivery batch {Batch}: already done for this run (or the run is over); nothing to do", batch);
            return;
        }

        await using var host = context.NewHost();
        var outcome = await WorkSteps.DeliverAsync(host, asked.Mailing, asked.Messages, cancellationToken);
        await context.Store.SaveDeliveryAsync(run, batch, outcome, context.Name, cancellationToken);
        if (outcome.Report is { } report)
        {
            context.Logger.LogInformation("{Mailing} batch {Batch}: {Claimed} claimed ({Resumed} taken over), {Sent} sent, {Deferred} deferred, {Failed} failed",
                asked.Mailing, batch, report.Claimed, report.Resumed, report.Sent, report.Deferred, report.Failed);
        }
        else
        {
            context.Logger.LogWarning("{Mailing} batch {Batch}: the relay stopped it: {Problem}", asked.Mailing, batch, outcome.Stopped);
        }
    }
}
