using Roundup.Storage.Postgres;
using Roundup.Storage.Sqlite;

namespace Roundup.Storage;

/// <summary>Opens the store the options name, whatever its provider: the one place that knows the providers.</summary>
public static class StoreFactory
{
    /// <summary>Opens (creating and migrating as needed) the store; throws <see cref="StoreException"/> for options that cannot be opened.</summary>
    public static async Task<IRoundupStore> OpenAsync(StoreOptions options, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate().ToList() is [_, ..] problems)
        {
            throw new StoreException($"the store cannot be opened: {string.Join("; ", problems)}");
        }

        return options.IsPostgres
            ? await PostgresStore.OpenAsync(options.ConnectionString!, time, cancellationToken)
            : await SqliteStore.OpenAsync(options.Path, time, cancellationToken);
    }
}
