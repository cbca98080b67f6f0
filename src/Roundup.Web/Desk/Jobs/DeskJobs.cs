using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Roundup.Application.Hosting;

namespace Roundup.Web.Desk.Jobs;

/// <summary>
/// The desk's background work: a request only queues a job and answers at once; the jobs run one after another (a
/// selection must not read a harvest half written), each on a host of its own made from the server's options, whose
/// Roundup logs become the job's progress lines. Stopping the server cancels the running job and waits for it.
/// </summary>
public sealed class DeskJobs(DeskServices desk, ILogger<DeskJobs> logger) : IHostedService, IDisposable
{
    /// <summary>Finished jobs kept for the jobs page; older ones are forgotten.</summary>
    public const int Kept = 50;

    private readonly ConcurrentDictionary<int, DeskJob> _jobs = new();
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<int, Task> _running = new();
    private int _lastId;

    public DeskJob? Get(int id) => _jobs.GetValueOrDefault(id);

    /// <summary>The jobs known, newest first.</summary>
    public IReadOnlyList<DeskJob> All() => [.. _jobs.Values.OrderByDescending(j => j.Id)];

    /// <summary>Queues <paramref name="work"/> and returns its job at once.</summary>
    public DeskJob Start(string title, string curator, Func<DeskJob, RoundupHost, CancellationToken, Task> work)
    {
        var job = new DeskJob(Interlocked.Increment(ref _lastId), title, curator, desk.Time.GetUtcNow());
        _jobs[job.Id] = job;
        Forget();
        _running[job.Id] = Task.Run(() => RunAsync(job, work));
        return job;
    }

    private async Task RunAsync(DeskJob job, Func<DeskJob, RoundupHost, CancellationToken, Task> work)
    {
        var ct = _stopping.Token;
        try
        {
            await _one.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            Finish(job, JobState.Cancelled, "cancelled before it started: the server is stopping");
            return;
        }

        try
        {
            job.Started = desk.Time.GetUtcNow();
            job.State = JobState.Running;
            logger.LogInformation("desk job {Id} ({Title}) started by {Curator}", job.Id, job.Title, job.Curator);
            using var logs = new JobLogs(job, desk.Host.Logs);
            await using var host = new RoundupHost(desk.Host.Options, logs, desk.Host.Time);
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
        finally
        {
            _one.Release();
            _running.TryRemove(job.Id, out _);
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

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Values).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _one.Dispose();
    }
}
