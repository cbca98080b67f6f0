namespace Roundup.Cli.Configuration;

public sealed class StoreOptions
{
    /// <summary><c>sqlite</c> (the embedded default).</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The SQLite file, relative to the working directory.</summary>
    public string Path { get; set; } = "roundup.db";
}
