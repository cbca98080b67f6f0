using Hangfire;
using Microsoft.Extensions.Logging;
using Roundup.Application.Hosting;
using Roundup.Workers.Engine;
using Roundup.Workers.Jobs;

namespace Roundup.Workers.Serving;

/// <summary>
/// <c>roundup worker</c>'s body: a Hangfire server taking the weekly job's jobs from the shared queues until
/// cancelled (SIGTERM, Ctrl+C). Stopping cancels the jobs under way, and Hangfire puts them back for another worker.
/// </summary>
public static class WorkerServer
{
    public static async Task RunAsync(WorkersConnection connection, Func<RoundupHost> newHost, ILoggerFactory logs, Action<string>? started, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(logs);
        var name = $"{Environment.MachineName}:{Environment.ProcessId}";
        var context = new WorkerContext(connection.Store, newHost, name, logs);
        var options = connection.Options;
        var poll = TimeSpan.FromSeconds(options.PollSeconds);
        var serverOptions = new BackgroundJobServerOptions
        {
            ServerName = name,
            WorkerCount = options.EffectiveThreads,
            Queues = [.. JobEngine.Queues],
            Activator = new WorkerActivator(context),
            ShutdownTimeout = TimeSpan.FromSeconds(10),
            SchedulePollingInterval = poll,
            HeartbeatInterval = TimeSpan.FromSeconds(Math.Max(1, options.InvisibilityTimeoutSeconds / 5)),
        };
        var logger = logs.CreateLogger("Roundup.Worker");
        using (var server = new BackgroundJobServer(serverOptions, connection.Storage))
        {
            logger.LogInformation("worker {Name}: {Threads} job(s) at a time from the queues {Queues} on {Database}",
                name, serverOptions.WorkerCount, string.Join(", ", serverOptions.Queues), connection.Database.Describe());
            started?.Invoke(name);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                logger.LogInformation("stopping: jobs under way are cancelled and go back to the queues for another worker");
            }

            server.SendStop();
            await server.WaitForShutdownAsync(CancellationToken.None);
        }

        logger.LogInformation("worker {Name} stopped", name);
    }
}
