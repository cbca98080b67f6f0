using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Logging;
using Roundup.Application.Settings;

namespace Roundup.Workers.Engine;

/// <summary>
/// Hangfire on the workers' PostgreSQL: its tables in a schema of their own, a sliding invisibility timeout (a job
/// whose worker stops showing signs of life is taken up by another after <see cref="WorkersOptions.InvisibilityTimeoutSeconds"/>),
/// polling (not long polling), the queues of the weekly job, and the retry policy.
/// </summary>
public static class JobEngine
{
    public const string Schema = "roundup_jobs";

    /// <summary>Full texts first: a worker free for both takes a reading job before an entry.</summary>
    public const string FullTextQueue = "fulltext";

    public const string WritingQueue = "writing";

    public const string DeliveryQueue = "delivery";

    public static IReadOnlyList<string> Queues { get; } = [FullTextQueue, WritingQueue, DeliveryQueue];

    public static JobStorage OpenStorage(string connectionString, WorkersOptions options)
    {
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromSeconds(options.InvisibilityTimeoutSeconds),
            QueuePollInterval = TimeSpan.FromSeconds(options.PollSeconds),

            // Long polling (LISTEN/NOTIFY) was seen to hang a worker for good: its dequeue had fetched a job, then
            // waited forever for its listening task to end, while the sliding timeout kept the job invisible to the
            // other workers (Hangfire.PostgreSql 1.21.1, 100 delivery jobs on 3 workers). Plain polling every
            // Workers:PollSeconds costs one cheap query a second per worker thread.
            EnableLongPolling = false,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
    }

    /// <summary>
    /// This process's Hangfire: its log lines through <paramref name="logs"/>, and <see cref="WorkersOptions.Retries"/>
    /// retries <see cref="WorkersOptions.RetryDelaySeconds"/> apart in place of Hangfire's default ten, after which the
    /// job is Failed (the coordinator then stops and names it).
    /// </summary>
    public static void Configure(WorkersOptions options, ILoggerFactory logs)
    {
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseLogProvider(new HangfireLogs(logs));
        foreach (var retry in GlobalJobFilters.Filters.Select(f => f.Instance).OfType<AutomaticRetryAttribute>().ToList())
        {
            GlobalJobFilters.Filters.Remove(retry);
        }

        GlobalJobFilters.Filters.Add(new AutomaticRetryAttribute
        {
            Attempts = options.Retries,
            DelaysInSeconds = [.. Enumerable.Repeat((int)Math.Ceiling(options.RetryDelaySeconds), Math.Max(1, options.Retries))],
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
            LogEvents = true,
        });
    }
}
