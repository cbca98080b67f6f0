using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Roundup.Application.Hosting;

namespace Roundup.Web.Desk.Jobs;

/// <summary>
/// The desk's background work: a request only queues a job and answers at once; one worker runs the jobs in the order
/// they were queued (a selection queued after a harvest reads the whole harvest), each on a host of its own made from
/// the server's options, whose Roundup logs become the job's progress lines. Stopping the server cancels the running
/// job, waits for it, and marks the jobs still waiting as cancelled.
/// </summary>
public sealed class DeskJobs(DeskServices desk, ILogger<DeskJobs> logger) : IHostedService, IDisposable
{
    /// <summary>Finished jobs kept for the jobs page; older ones are forgotten.</summary>
    public const int Kept = 50;

    private readonly ConcurrentDictionary<int, DeskJob> _jobs = new();
    private readonly Channel<(DeskJob Job, Func<DeskJob, RoundupHost, CancellationToken, Task> Work)> _queue =
        Channel.CreateUnbounded<(DeskJob, Func<DeskJob, RoundupHost, CancellationToken, Task>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private Task _worker = Task.CompletedTask;
    private int _lastId;

    public DeskJob? Get(int id) => _jobs.GetValueOrDefault(id);

    /// <summary>The jobs known, newest first.</summary>
    public IReadOnlyList<DeskJob> All() => [.. _jobs.Values.OrderByDescending(j => j.Id)];

    /// <summary>Queues <paramref name="work"/> behind the jobs already queued and returns its job at once.</summary>
    public DeskJob Start(string title, string curator, Func<DeskJob, RoundupHost, CancellationToken, Task> work)
    {
        var job = new DeskJob(Interlocked.Increment(ref _lastId), title, curator, desk.Time.GetUtcNow());
        _jobs[job.Id] = job;
        Forget();
        if (!_queue.Writer.TryWrite((job, work)))
        {
            Finish(job, JobState.Cancelled, "cancelled before it started: the server is stopping");
        }

        return job;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _worker = Task.Run(WorkAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _worker.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task WorkAsync()
    {
        await foreach (var (job, work) in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (_stopping.IsCancellationRequested)
            {
                Finish(job, JobState.Cancelled, "cancelled before it started: the server is stopping");
                continue;
            }

            await RunAsync(job, work, _stopping.Token);
        }
    }

    private async Task RunAsync(DeskJob job, Func<DeskJob, RoundupHost, CancellationToken, Task> work, CancellationToken ct)
    {
        try
        {
            job.Started = desk.Time.GetUtcNow();
            job.State = JobState.Running;
            logger.LogInformation("desk job {Id} ({Title}) started by {Curator}", job.Id, job.Title, job.Curator);
            using var logs = new JobLogs(job, desk.Host.Logs);
            // With serve --workers, the job's full texts, entries and deliveries go to the workers, as run's do.
            await using var host = new RoundupHost(desk.Host.Options, logs, desk.Host.Time) { Work = desk.Host.Work, RequestSpacing = desk.Host.RequestSpacing };
            await work(job, host, ct);
            Finish(job, JobState.Succeeded, "done");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Finish(job, JobState.Cancelled, "cancelled: the server is stopping");
        }
        // The job's boundary: whatever went wrong is the job's outcome, shown at the desk, never a job left running.
        catch (Exception e)
        {
            logger.LogError(e, "desk job {Id} ({Title}) failed", job.Id, job.Title);
            Finish(job, JobState.Failed, $"failed: {e.Message}");
        }
    }

    private void Finish(DeskJob job, JobState state, string line)
    {
        job.Report(line);
        job.Finished = desk.Time.GetUtcNow();
        job.State = state;
    }

    private void Forget()
    {
        foreach (var old in _jobs.Values.Where(j => j.IsDone).OrderByDescending(j => j.Id).Skip(Kept))
        {
            _jobs.TryRemove(old.Id, out _);
        }
    }
}
