using System.CommandLine;
using Roundup.Application.Delivering;
using Roundup.Delivery;
using Roundup.Delivery.Subscribers;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup subscribers import|add|remove|forget|list|confirm|unsubscribe</c>. New addresses are pending until their
/// confirmation link is followed (double opt-in) unless <c>--confirmed</c> says consent was given elsewhere; an
/// address on the suppression list is never added back. Addresses go to stdout only when listed, never to logs.
/// </summary>
public static class SubscribersCommand
{
    public static Command Create()
    {
        var command = new Command("subscribers", "Manage the subscribers and the suppression list");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Remove());
        command.Subcommands.Add(Forget());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Link("confirm", "Confirm a subscription with the token of its confirmation link", (subscribers, token, ct) => subscribers.ConfirmAsync(token, ct)));
        command.Subcommands.Add(Link("unsubscribe", "Unsubscribe with the token of an unsubscribe link", (subscribers, token, ct) => subscribers.UnsubscribeAsync(token, ct)));
        return command;
    }

    private static Option<bool> Confirmed() => new("--confirmed") { Description = "The subscribers already agreed elsewhere: make them active now and send no confirmation" };

    private static Command Import()
    {
        var command = new Command("import", "Add subscribers from a CSV file with the header email,name");
        var file = new Argument<string>("file") { Description = "CSV file (header: email,name)" };
        var confirmed = Confirmed();
        command.Arguments.Add(file);
        command.Options.Add(confirmed);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var path = parse.GetValue(file)!;
            var (read, added) = await new ManageSubscribers(host).ImportAsync(path, parse.GetValue(confirmed), ct);
            foreach (var problem in read.Problems)
            {
                await Console.Error.WriteLineAsync($"roundup: {path}: {problem}");
            }

            PrintConfirmations(added);
            var result = added.Result;
            Console.Out.WriteLine(
                $"{path}: {read.Rows} rows: {result.Added} added, {result.Updated} updated, {result.Unchanged} unchanged, {result.Suppressed} on the suppression list (left alone), " +
                $"{read.Duplicates} duplicate rows merged, {read.Problems.Count} rows refused{RefusedLines(read.Problems)}");
            return read.Problems.Count == 0 ? CommandRunner.Success : CommandRunner.Failed;
        });
        return command;
    }

    /// <summary>" (line 3)", " (lines 3, 7 and 9)", or the first ten and how many more; "" for none.</summary>
    private static string RefusedLines(IReadOnlyList<CsvProblem> problems)
    {
        const int Shown = 10;
        if (problems.Count == 0)
        {
            return "";
        }

        var lines = problems.Take(Shown).Select(p => p.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var list = problems.Count > Shown
            ? $"{string.Join(", ", lines)} and {problems.Count - Shown} more"
            : lines.Count == 1 ? lines[0] : $"{string.Join(", ", lines[..^1])} and {lines[^1]}";
        return $" ({(problems.Count == 1 ? "line" : "lines")} {list})";
    }

    private static Command Add()
    {
        var command = new Command("add", "Add one subscriber");
        var address = new Argument<string>("address") { Description = "E-mail address" };
        var name = new Option<string?>("--name") { Description = "The subscriber's name, used in the greeting" };
        var confirmed = Confirmed();
        command.Arguments.Add(address);
        command.Options.Add(name);
        command.Options.Add(confirmed);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var (added, subscriber) = await new ManageSubscribers(host).AddOneAsync(parse.GetValue(address)!, parse.GetValue(name), parse.GetValue(confirmed), ct);
            PrintConfirmations(added);
            var result = added.Result;
            Console.Out.WriteLine(result.Suppressed > 0
                ? "not added: the address is on the suppression list"
                : $"subscriber {subscriber!.Id}: {subscriber.Status.ToString().ToLowerInvariant()}{(result.Added > 0 ? " (added)" : "")}");
            return result.Suppressed > 0 ? CommandRunner.Failed : CommandRunner.Success;
        });
        return command;
    }

    private static Command Remove()
    {
        var command = new Command("remove", "Unsubscribe an address and put it on the suppression list");
        var address = new Argument<string>("address") { Description = "E-mail address" };
        command.Arguments.Add(address);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var subscriber = await new ManageSubscribers(host).RemoveAsync(parse.GetValue(address)!, ct);
            Console.Out.WriteLine(subscriber is null
                ? "not a subscriber; the address is now on the suppression list"
                : $"subscriber {subscriber.Id}: unsubscribed and suppressed");
            return CommandRunner.Success;
        });
        return command;
    }

    private static Command Forget()
    {
        var command = new Command("forget", "Erase an address (the right to erasure): its subscriber row and delivery history are deleted; its hash stays on the suppression list so it is never written to again");
        var address = new Argument<string>("address") { Description = "E-mail address" };
        command.Arguments.Add(address);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var result = await new ManageSubscribers(host).ForgetAsync(parse.GetValue(address)!, ct);
            Console.Out.WriteLine(result.SubscriberId is { } id
                ? $"subscriber {id}: erased with {result.OutboxRows} outbox row(s); the address's hash stays on the suppression list"
                : $"not a subscriber; the address's hash is {(result.WasSuppressed ? "already" : "now")} on the suppression list");
            await Console.Error.WriteLineAsync(host.Options.Mail.UsesSmtp
                ? "roundup: messages already handed to the relay are beyond this store"
                : $"roundup: .eml files already written to {Path.GetFullPath(host.Options.Mail.PickupDir)} are not touched");
            return CommandRunner.Success;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List subscribers (addresses are printed: mind where the output goes)");
        var status = new Option<SubscriberStatus?>("--status") { Description = "pending, active, unsubscribed, bounced or complained" };
        command.Options.Add(status);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var subscribers = await new ManageSubscribers(host).ListAsync(parse.GetValue(status), ct);
            foreach (var s in subscribers)
            {
                Console.Out.WriteLine($"{s.Id}\t{s.Status.ToString().ToLowerInvariant()}\t{s.Email}\t{s.Name}");
            }

            await Console.Error.WriteLineAsync($"{subscribers.Count} subscriber(s)");
            return CommandRunner.Success;
        });
        return command;
    }

    private static Command Link(string name, string description, Func<ManageSubscribers, string, CancellationToken, Task<LinkOutcome>> act)
    {
        var command = new Command(name, description);
        var token = new Argument<string>("token") { Description = "The t= value of the link" };
        command.Arguments.Add(token);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var outcome = await act(new ManageSubscribers(host), parse.GetValue(token)!, ct);
            Console.Out.WriteLine(outcome.SubscriberId is { } id ? $"subscriber {id}: {outcome.Message}" : outcome.Message);
            return outcome.Done ? CommandRunner.Success : CommandRunner.Failed;
        });
        return command;
    }

    private static void PrintConfirmations(SubscribersAdded added)
    {
        if (added.ConfirmationsSent is { } sent)
        {
            Console.Error.WriteLine(sent);
        }

        if (added.ConfirmationsFailed is { } failed)
        {
            Console.Error.WriteLine($"roundup: {failed}");
        }
    }
}
