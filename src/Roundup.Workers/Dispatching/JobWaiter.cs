using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Logging;
using Roundup.Application.Distributing;
using Roundup.Application.Settings;

namespace Roundup.Workers.Dispatching;

/// <summary>
/// Waits for a batch of jobs: progress in the log as it changes, a warning while no worker is running, and a
/// <see cref="WorkFailedException"/> naming the item when a job fails after its retries. Cancelled, it deletes the
/// jobs not yet done, so no worker spends time on work nobody waits for.
/// </summary>
internal sealed class JobWaiter(JobStorage storage, WorkersOptions options, ILogger logger)
{
    private static readonly TimeSpan NoWorkerWarning = TimeSpan.FromSeconds(30);

    public async Task WaitAsync(string what, IReadOnlyList<(string Job, string Item)> jobs, CancellationToken cancellationToken)
    {
        if (jobs.Count == 0)
        {
            return;
        }

        logger.LogInformation("{What}: {Count} job(s) for the workers", what, jobs.Count);
        var reported = -1;
        var lastWarning = DateTime.UtcNow;
        try
        {
            while (true)
            {
                var done = CountDone(what, jobs);
                if (done != reported)
                {
                    reported = done;
                    logger.LogInformation("{What}: {Done} of {Count} done", what, done, jobs.Count);
                }

                if (done == jobs.Count)
                {
                    return;
                }

                if (DateTime.UtcNow - lastWarning > NoWorkerWarning)
                {
                    lastWarning = DateTime.UtcNow;
                    if (storage.GetMonitoringApi().Servers().Count == 0)
                    {
                        logger.LogWarning("{What}: no roundup worker is running; start one (roundup worker) on any machine that reaches the database", what);
                    }
                }

                await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var client = new BackgroundJobClient(storage);
            foreach (var (job, _) in jobs)
            {
                client.Delete(job);
            }

            throw;
        }
    }

    private int CountDone(string what, IReadOnlyList<(string Job, string Item)> jobs)
    {
        using var connection = storage.GetConnection();
        var done = 0;
        foreach (var (job, item) in jobs)
        {
            var state = connection.GetStateData(job);
            var name = state?.Name;
            if (name == SucceededState.StateName)
            {
                done++;
            }
            else if (name == FailedState.StateName)
            {
                IDictionary<string, string> data = state!.Data ?? new Dictionary<string, string>();
                var type = data.TryGetValue("ExceptionType", out var t) ? t : "an exception";
                var message = data.TryGetValue("ExceptionMessage", out var m) ? m : "";
                // The retries the workers made, by their own Workers:Retries.
                var retries = int.TryParse(connection.GetJobParameter(job, "RetryCount"), out var r) ? r : 0;
                throw new WorkFailedException(
                    $"{what}: the job for {item} failed after {retries} retr{(retries == 1 ? "y" : "ies")}: {type}: {message}");
            }
            else if (name == DeletedState.StateName)
            {
                throw new WorkFailedException($"{what}: the job for {item} was deleted before it was done");
            }
        }

        return done;
    }
}
