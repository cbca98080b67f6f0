namespace Roundup.Application.Settings;

public sealed class StoreOptions
{
    /// <summary><c>sqlite</c> (the embedded default).</summary>
    public string Provider { get; init; } = "sqlite";

    /// <summary>The SQLite file, relative to the working directory.</summary>
    public string Path { get; init; } = "roundup.db";
}
