namespace Roundup.Storage;

/// <summary>Which database the store is (<c>Store:Provider</c>) and where (<c>Store:Path</c>).</summary>
public sealed class StoreOptions
{
    /// <summary>The embedded SQLite file, the default.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>Every provider <see cref="StoreFactory"/> can open.</summary>
    public static IReadOnlyList<string> KnownProviders { get; } = [Sqlite];

    /// <summary><c>sqlite</c> (the embedded default); compared without regard to case.</summary>
    public string Provider { get; init; } = Sqlite;

    /// <summary>The SQLite file, relative to the working directory.</summary>
    public string Path { get; init; } = "roundup.db";

    /// <summary>What is wrong with the options, as configuration errors naming the setting; none when they can be opened.</summary>
    public IEnumerable<string> Validate()
    {
        if (!KnownProviders.Contains(Provider, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"Store:Provider '{Provider}' is not known (known: {string.Join(", ", KnownProviders)})";
        }

        if (string.IsNullOrWhiteSpace(Path))
        {
            yield return "Store:Path must name the SQLite file";
        }
    }
}
