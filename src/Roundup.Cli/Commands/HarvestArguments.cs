using System.CommandLine;

namespace Roundup.Cli.Commands;

/// <summary>The options <c>harvest</c> and <c>run</c> share: the window, the sources, strictness and the output format.</summary>
public sealed record HarvestArguments(Window.Options Window, Option<string[]> Sources, Option<bool> Strict, Option<OutputFormat> Format)
{
    public static HarvestArguments AddTo(Command command)
    {
        var arguments = new HarvestArguments(Commands.Window.Options.Create(), CommonOptions.Sources(), CommonOptions.Strict(), CommonOptions.Format());
        arguments.Window.AddTo(command);
        command.Options.Add(arguments.Sources);
        command.Options.Add(arguments.Strict);
        command.Options.Add(arguments.Format);
        return arguments;
    }
}
