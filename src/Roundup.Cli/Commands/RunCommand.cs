using System.CommandLine;

namespace Roundup.Cli.Commands;

/// <summary><c>roundup run</c>: the weekly job. For now it harvests the week and reports completeness.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "The weekly job: harvest this week's papers (or --week) and report completeness");
        var window = Window.Options.Create();
        window.AddTo(command);
        var sources = CommonOptions.Sources();
        var strict = CommonOptions.Strict();
        var format = CommonOptions.Format();
        command.Options.Add(sources);
        command.Options.Add(strict);
        command.Options.Add(format);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var run = await HarvestCommand.RunAsync(host, Window.Resolve(parse, window, host.Calendar, host.Time), parse.GetValue(sources), ct);
            return HarvestCommand.Print(run, parse.GetValue(format), parse.GetValue(strict) || host.Options.Harvest.Strict);
        });
        return command;
    }
}
