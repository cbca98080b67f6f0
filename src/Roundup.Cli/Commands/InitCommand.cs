using System.CommandLine;
using Roundup.Application.Profiles;

namespace Roundup.Cli.Commands;

/// <summary><c>roundup init</c>: write the default curator profile, with comments, for the curator to edit.</summary>
public static class InitCommand
{
    public static Command Create()
    {
        var command = new Command("init", "Write profile.yaml (the curator's criteria, topics, exemplars, categories, picks) with comments, to edit");
        var force = new Option<bool>("--force") { Description = "Overwrite an existing profile" };
        command.Options.Add(force);
        CommandRunner.SetAction(command, (parse, host, ct) =>
        {
            var path = host.Options.Selection.Profile;
            ProfileLoader.WriteDefault(path, parse.GetValue(force));
            Console.Out.WriteLine($"Wrote {Path.GetFullPath(path)}: edit it, then run roundup select.");
            return Task.FromResult(CommandRunner.Success);
        });
        return command;
    }
}
