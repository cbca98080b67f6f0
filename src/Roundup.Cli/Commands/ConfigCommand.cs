using System.CommandLine;
using Roundup.Application.Settings;

namespace Roundup.Cli.Commands;

/// <summary><c>roundup config show</c>: the effective configuration, secrets masked.</summary>
public static class ConfigCommand
{
    public static Command Create()
    {
        var command = new Command("config", "Inspect the configuration");
        var show = new Command("show", "Print the effective configuration (roundup.json + ROUNDUP_* variables + defaults), secrets masked");
        CommandRunner.SetAction(show, (parse, host, ct) =>
        {
            Console.Out.WriteLine(Output.ConfigurationPrinter.Render(host.Options));
            return Task.FromResult(CommandRunner.Success);
        });
        command.Subcommands.Add(show);
        return command;
    }
}
