using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace Roundup.Cli.Commands;

/// <summary>Options shared by several verbs.</summary>
public static class CommonOptions
{
    public static readonly Option<string?> Config = new("--config")
    {
        Description = "Configuration file (default: roundup.json in the working directory, or $ROUNDUP_CONFIG)",
        Recursive = true,
    };

    public static readonly Option<LogLevel> LogLevel = new("--log-level")
    {
        Description = "Least severe log messages written to stderr",
        DefaultValueFactory = _ => Microsoft.Extensions.Logging.LogLevel.Information,
        Recursive = true,
    };

    public static Option<string?> Week() => new("--week") { Description = "ISO week of the issue, e.g. 2025-W26 (default: the current week)" };

    public static Option<DateOnly?> From() => new("--from") { Description = "First listing date (yyyy-MM-dd), instead of --week" };

    public static Option<DateOnly?> Until() => new("--until") { Description = "Last listing date (yyyy-MM-dd), with --from" };

    public static Option<OutputFormat> Format() => new("--format") { Description = "table or json", DefaultValueFactory = _ => OutputFormat.Table };

    public static Option<string[]> Sources() => new("--source")
    {
        Description = "oai, api, rss or file:PATH (wildcards allowed in the file name); repeatable (default: Harvest:Sources)",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<bool> Offline() => new("--offline") { Description = "Fetch no full text: read only the files already in the full-text folder" };

    public static Option<string?> FullTextDir() => new("--fulltext-dir") { Description = "Folder of full texts named by id (2212.08410.pdf, 2004.14974.tar.gz, 2506.01234.html); default Selection:FullTextDir" };

    public static Option<bool> Strict() => new("--strict") { Description = "Exit 1 when the completeness report finds something missing" };
}
