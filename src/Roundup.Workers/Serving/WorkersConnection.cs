using Hangfire;
using Microsoft.Extensions.Logging;
using Npgsql;
using Roundup.Application;
using Roundup.Application.Distributing;
using Roundup.Application.Settings;
using Roundup.Arxiv.Http;
using Roundup.Workers.Database;
using Roundup.Workers.Dispatching;
using Roundup.Workers.Engine;
using Roundup.Workers.Spacing;

namespace Roundup.Workers.Serving;

/// <summary>
/// One process's link to the workers' PostgreSQL: the work schema migrated, Hangfire's storage, the work store. The
/// coordinator takes a dispatcher from it, a worker serves jobs from it, and both take arXiv's turns through it.
/// </summary>
public sealed class WorkersConnection
{
    private WorkersConnection(WorkDatabase database, JobStorage storage, WorkersOptions options)
    {
        Database = database;
        Storage = storage;
        Options = options;
        Store = new WorkStore(database);
    }

    public WorkDatabase Database { get; }

    public JobStorage Storage { get; }

    public WorkStore Store { get; }

    public WorkersOptions Options { get; }

    /// <summary>
    /// Connects, or says why not: no PostgreSQL configured (<see cref="UsageException"/>), or one that cannot be
    /// reached (<see cref="WorkFailedException"/>).
    /// </summary>
    public static async Task<WorkersConnection> OpenAsync(RoundupOptions options, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var database = new WorkDatabase(ConnectionString(options));
        await database.MigrateAsync(cancellationToken);
        JobEngine.Configure(options.Workers, logs);
        try
        {
            return new WorkersConnection(database, JobEngine.OpenStorage(database.ConnectionString, options.Workers), options.Workers);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new WorkFailedException($"Hangfire could not open its tables in the workers' PostgreSQL database ({database.Describe()}): {e.Message}", e);
        }
    }

    /// <summary>
    /// The workers' database: the store's PostgreSQL (Store:Provider=postgres), or Workers:ConnectionString when the jobs
    /// have a database of their own. Every machine must reach it, so a SQLite store will not do.
    /// </summary>
    public static string ConnectionString(RoundupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = !string.IsNullOrWhiteSpace(options.Workers.ConnectionString) ? ("Workers:ConnectionString", options.Workers.ConnectionString)
            : options.Store.IsPostgres && !string.IsNullOrWhiteSpace(options.Store.ConnectionString) ? ("Store:ConnectionString", options.Store.ConnectionString)
            : ((string, string)?)null;
        if (configured is var (key, value))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(value).ConnectionString;
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"{key} is not a PostgreSQL connection string (Host=…;Port=…;Username=…;Database=…): {e.Message}");
            }
        }

        throw new UsageException(
            $"workers need a PostgreSQL database that every machine reaches, and the store is {options.Store.Provider} ({options.Store.Path}), a file only this machine reaches: "
            + "set Store:Provider=postgres and Store:ConnectionString (ROUNDUP_Store__Provider=postgres, ROUNDUP_Store__ConnectionString=Host=…;Port=…;Username=…;Database=…), "
            + "or give the jobs a database of their own with Workers:ConnectionString");
    }

    /// <summary>The coordinator's dispatcher; dispose it to remove the run's shared rows.</summary>
    public HangfireWorkDispatcher Dispatcher(ILogger logger) => new(Storage, Store, Options, logger);

    /// <summary>arXiv's turns, taken in the database by every process together.</summary>
    public IRequestSpacing Spacing(TimeProvider time) => new SharedRequestSpacing(Database, time);
}
