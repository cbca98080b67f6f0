using System.CommandLine;
using Roundup.Cli.Hosting;

namespace Roundup.Cli.Commands;

/// <summary><c>--offline</c> and <c>--fulltext-dir</c> for the verbs that run the funnel: they override the configuration.</summary>
public sealed record FullTextArguments(Option<bool> Offline, Option<string?> Directory)
{
    public static FullTextArguments AddTo(Command command)
    {
        var arguments = new FullTextArguments(CommonOptions.Offline(), CommonOptions.FullTextDir());
        command.Options.Add(arguments.Offline);
        command.Options.Add(arguments.Directory);
        return arguments;
    }

    public void Apply(ParseResult parse, RoundupHost host)
    {
        if (parse.GetValue(Offline))
        {
            host.Options.Selection.FullText.Offline = true;
        }

        if (parse.GetValue(Directory) is { } directory)
        {
            host.Options.Selection.FullTextDir = directory;
        }
    }
}
