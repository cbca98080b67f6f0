using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Logging;
using Roundup.Application.Distributing;
using Roundup.Application.Settings;
using Roundup.Delivery;
using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Workers.Database;
using Roundup.Workers.Engine;
using Roundup.Workers.Jobs;
using Roundup.Writing.Pipeline;
using Roundup.Writing.Writers;

namespace Roundup.Workers.Dispatching;

/// <summary>
/// The coordinator's side: asks in the work store for what is not done yet in this run, enqueues one Hangfire job per
/// item, waits for them, and gives back the stored results in the order asked. The run's rows go when it is disposed.
/// </summary>
public sealed class HangfireWorkDispatcher(JobStorage storage, WorkStore store, WorkersOptions options, ILogger logger) : IWorkDispatcher, IAsyncDisposable
{
    private readonly BackgroundJobClient _client = new(storage);
    private Guid? _run;

    public async Task<IReadOnlyList<FullTextOutcome>> ReadFullTextsAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken)
    {
        var run = await RunAsync(cancellationToken);
        var unread = await store.AskToReadAsync(run, papers, cancellationToken);
        var jobs = unread.Select(p => (Enqueue(Job.FromExpression<ReadFullTextJob>(j => j.RunAsync(run, p.Id.Canonical, CancellationToken.None), JobEngine.FullTextQueue)), $"{p.Id}v{p.Version}")).ToList();
        await new JobWaiter(storage, options, logger).WaitAsync("reading full texts", jobs, cancellationToken);
        return await store.ReadOutcomesAsync(run, papers, cancellationToken);
    }

    public async Task<IReadOnlyList<GroundedEntry>> WriteEntriesAsync(CuratorProfile profile, IReadOnlyList<PaperToWrite> papers, CancellationToken cancellationToken)
    {
        var run = await RunAsync(cancellationToken);
        var unwritten = await store.AskToWriteAsync(run, profile, papers, cancellationToken);
        var jobs = unwritten.Select(p => (Enqueue(Job.FromExpression<WriteEntryJob>(j => j.RunAsync(run, p.Paper.Id.Canonical, CancellationToken.None), JobEngine.WritingQueue)), p.Paper.Id.ToString())).ToList();
        await new JobWaiter(storage, options, logger).WaitAsync("writing entries", jobs, cancellationToken);
        return await store.EntriesAsync(run, papers, cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryBatchOutcome>> DeliverBatchesAsync(MailingKey mailing, int batches, int messages, CancellationToken cancellationToken)
    {
        var run = await RunAsync(cancellationToken);
        var numbers = await store.AskToDeliverAsync(run, mailing, batches, messages, cancellationToken);
        var jobs = numbers.Select(b => (Enqueue(Job.FromExpression<DeliverBatchJob>(j => j.RunAsync(run, b, CancellationToken.None), JobEngine.DeliveryQueue)), $"{mailing} batch {b}")).ToList();
        await new JobWaiter(storage, options, logger).WaitAsync($"delivering {mailing}", jobs, cancellationToken);
        return await store.DeliveryOutcomesAsync(run, numbers, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_run is { } run)
        {
            try
            {
                await store.EndRunAsync(run, CancellationToken.None);
            }
            catch (WorkFailedException e)
            {
                logger.LogWarning("the run's shared rows were left for the next run to remove: {Problem}", e.Message);
            }
        }
    }

    private async Task<Guid> RunAsync(CancellationToken cancellationToken) =>
        _run ??= await store.StartRunAsync(cancellationToken);

    /// <summary>The queue is the job's own, so a retry goes back to it (an enqueued state's queue would be forgotten).</summary>
    private string Enqueue(Job job) => _client.Create(job, new EnqueuedState(job.Queue));
}
