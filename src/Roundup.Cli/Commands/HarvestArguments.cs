using System.CommandLine;

namespace Roundup.Cli.Commands;

/// <summary>The options <c>harvest</c> and <c>run</c> share: the window, the sources, strictness and the output format.</summary>
public sealed record HarvestArguments(WindowArguments Window, Option<string[]> Sources, Option<bool> Strict, Option<OutputFormat> Format)
{
    public static HarvestArguments AddTo(Command command)
    {
        var arguments = new HarvestArguments(WindowArguments.AddTo(command), CommonOptions.Sources(), CommonOptions.Strict(), CommonOptions.Format());
        command.Options.Add(arguments.Sources);
        command.Options.Add(arguments.Strict);
        command.Options.Add(arguments.Format);
        return arguments;
    }
}
