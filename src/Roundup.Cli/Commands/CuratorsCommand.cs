using System.CommandLine;
using Roundup.Application;
using Roundup.Application.Curators;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup curators add|link|list|remove</c>: the accounts of the curator's desk, made here only. A curator added
/// without <c>--password-stdin</c> gets a one-time sign-in link, valid for a day.
/// </summary>
public static class CuratorsCommand
{
    public static Command Create()
    {
        var command = new Command("curators", "Manage who may sign in to the curator's desk (roundup serve, under desk/)");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Link());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Remove());
        return command;
    }

    private static Command Add()
    {
        var command = new Command("add", "Add a curator: prints a one-time sign-in link, or takes a password from stdin");
        var name = new Argument<string>("name") { Description = "The curator's sign-in name (letters, digits, '.', '-', '_')" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = $"Read the password (at least {ManageCurators.MinPasswordLength} characters) from the first line of stdin, for scripts" };
        command.Arguments.Add(name);
        command.Options.Add(passwordStdin);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            string? password = null;
            if (parse.GetValue(passwordStdin))
            {
                password = await Console.In.ReadLineAsync(ct) ?? throw new UsageException("--password-stdin: stdin is empty");
            }

            var (curator, link) = await new ManageCurators(host).AddAsync(parse.GetValue(name)!, password, ct);
            Console.Out.WriteLine(link is null
                ? $"curator {curator.Name} added"
                : $"curator {curator.Name} added; one-time sign-in link (valid {ManageCurators.SignInLinkLifetime.TotalHours:0} h): {link}");
            return CommandRunner.Success;
        });
        return command;
    }

    private static Command Link()
    {
        var command = new Command("link", "Print a fresh one-time sign-in link for a curator (an earlier one stops working)");
        var name = new Argument<string>("name") { Description = "The curator's sign-in name" };
        command.Arguments.Add(name);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            Console.Out.WriteLine(await new ManageCurators(host).SignInLinkAsync(parse.GetValue(name)!, ct));
            return CommandRunner.Success;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the curators");
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            foreach (var c in await new ManageCurators(host).ListAsync(ct))
            {
                var state = c.PasswordHash is null ? "no password yet (sign-in link)" : c.IsLockedAt(host.Time.GetUtcNow()) ? "locked" : "active";
                Console.Out.WriteLine($"{c.Name}\t{state}\tsince {c.Created:yyyy-MM-dd}");
            }

            return CommandRunner.Success;
        });
        return command;
    }

    private static Command Remove()
    {
        var command = new Command("remove", "Remove a curator: they can no longer sign in");
        var name = new Argument<string>("name") { Description = "The curator's sign-in name" };
        command.Arguments.Add(name);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            await new ManageCurators(host).RemoveAsync(parse.GetValue(name)!, ct);
            Console.Out.WriteLine($"curator {parse.GetValue(name)} removed");
            return CommandRunner.Success;
        });
        return command;
    }
}
