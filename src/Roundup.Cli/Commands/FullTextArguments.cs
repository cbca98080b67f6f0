using System.CommandLine;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>--offline</c> and <c>--fulltext-dir</c> for the verbs that read full texts: they override
/// Selection:FullText:Offline and Selection:FullTextDir before the configuration is validated.
/// </summary>
public sealed record FullTextArguments(Option<bool> Offline, Option<string?> Directory)
{
    public static FullTextArguments AddTo(Command command)
    {
        var arguments = new FullTextArguments(CommonOptions.Offline(), CommonOptions.FullTextDir());
        command.Options.Add(arguments.Offline);
        command.Options.Add(arguments.Directory);
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
    }
}
