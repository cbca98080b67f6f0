using System.CommandLine;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>--offline</c>, <c>--fulltext-dir</c> and <c>--workers</c> for the verbs that read full texts (and write): they
/// override Selection:FullText:Offline, Selection:FullTextDir and Workers:Enabled before the configuration is validated.
/// </summary>
public sealed record FullTextArguments(Option<bool> Offline, Option<string?> Directory, Option<bool> Workers)
{
    /// <summary>The option's name; <see cref="CommandRunner"/> connects to the workers only for verbs that have it.</summary>
    public const string WorkersOption = "--workers";

    public static FullTextArguments AddTo(Command command)
    {
        var arguments = new FullTextArguments(CommonOptions.Offline(), CommonOptions.FullTextDir(), new Option<bool>(WorkersOption)
        {
            Description = "Hand the full texts to read and the entries to write to roundup worker processes (Workers:Enabled) and wait for them",
        });
        command.Options.Add(arguments.Offline);
        command.Options.Add(arguments.Directory);
        command.Options.Add(arguments.Workers);
        return arguments;
    }

    public IEnumerable<KeyValuePair<string, string?>> Overrides(ParseResult parse)
    {
        if (parse.GetValue(Offline))
        {
            yield return new("Selection:FullText:Offline", "true");
        }

        if (parse.GetValue(Directory) is { } directory)
        {
            yield return new("Selection:FullTextDir", directory);
        }

        if (parse.GetValue(Workers))
        {
            yield return new("Workers:Enabled", "true");
        }
    }
}
