using Npgsql;
using Polly;
using Polly.Retry;

namespace Roundup.Storage.Postgres;

/// <summary>
/// What the store does when the server goes away for a moment (a restart, a failover, a dropped connection): the
/// operation is tried again on a fresh connection for up to about a minute. Each operation is one statement or one
/// transaction, and a transaction that failed was rolled back, so trying it again does it once.
/// </summary>
internal static class PostgresRetry
{
    public static ResiliencePipeline For(NpgsqlDataSource source) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(IsTransient),
                MaxRetryAttempts = 14,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(5),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = _ =>
                {
                    // Pooled connections to the server that went away are all dead: open fresh ones.
                    source.Clear();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>A lost connection, a server shutting down or starting up, or Npgsql's own judgement of transience.</summary>
    public static bool IsTransient(NpgsqlException e) =>
        e.IsTransient || e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" } || e.InnerException is IOException or System.Net.Sockets.SocketException;
}
