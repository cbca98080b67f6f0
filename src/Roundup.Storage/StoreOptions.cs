using Roundup.Storage.Postgres;

namespace Roundup.Storage;

/// <summary>
/// Which database the store is (<c>Store:Provider</c>) and where: <c>Store:Path</c> for SQLite's file,
/// <c>Store:ConnectionString</c> for a PostgreSQL server.
/// </summary>
public sealed class StoreOptions
{
    /// <summary>The embedded SQLite file, the default.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>A PostgreSQL server, which several processes and machines may share.</summary>
    public const string Postgres = "postgres";

    /// <summary>Every provider <see cref="StoreFactory"/> can open.</summary>
    public static IReadOnlyList<string> KnownProviders { get; } = [Sqlite, Postgres];

    /// <summary><c>sqlite</c> (the embedded default) or <c>postgres</c>; compared without regard to case.</summary>
    public string Provider { get; init; } = Sqlite;

    /// <summary>The SQLite file, relative to the working directory.</summary>
    public string Path { get; init; } = "roundup.db";

    /// <summary>
    /// The PostgreSQL server, in Npgsql's form: <c>Host=…;Port=…;Username=…;Password=…;Database=…</c>. Only for
    /// <c>postgres</c>.
    /// </summary>
    public string? ConnectionString { get; init; }

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    /// <summary>What is wrong with the options, as configuration errors naming the setting; none when they can be opened.</summary>
    public IEnumerable<string> Validate()
    {
        if (!KnownProviders.Contains(Provider, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"Store:Provider '{Provider}' is not known (known: {string.Join(", ", KnownProviders)})";
        }

        if (IsSqlite && string.IsNullOrWhiteSpace(Path))
        {
            yield return "Store:Path must name the SQLite file";
        }

        if (IsPostgres && PostgresConnectionString.Problem(ConnectionString) is { } problem)
        {
            yield return problem;
        }
    }
}
