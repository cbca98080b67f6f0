using Microsoft.Extensions.Logging;
using System.CommandLine;
using Roundup.Application.Hosting;
using Roundup.Workers.Serving;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup worker</c>: takes the weekly job's jobs (full texts to read, entries to write) that a <c>run</c>,
/// <c>select</c> or <c>write</c> with <c>--workers</c> hands out, on this machine, until Ctrl-C or SIGTERM. Any
/// number of machines may run one against the same PostgreSQL; arXiv's spacing holds for all of them together.
/// </summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var command = new Command("worker", "Run the jobs of weekly runs started with --workers (reading full texts, writing entries) until stopped; start one on each machine that shares the work");
        var threads = new Option<int?>("--threads") { Description = "Jobs at once (default Workers:Threads, 0 = one per core)" };
        command.Options.Add(threads);
        CommandRunner.SetAction(
            command,
            parse => parse.GetValue(threads) is { } n ? [new("Workers:Threads", n.ToString(System.Globalization.CultureInfo.InvariantCulture))] : [],
            async (parse, host, ct) =>
            {
                var connection = await WorkersConnection.OpenAsync(host.Options, host.Logs, ct);
                var spacing = connection.Spacing(host.Time);
                var logger = host.Logs.CreateLogger("Roundup.Worker");
                RoundupHost.WarnIfNoContact(host.Options, logger);
                await WorkerServer.RunAsync(
                    connection,
                    () => new RoundupHost(host.Options, host.Logs, host.Time) { RequestSpacing = spacing, WarnsOfMissingContact = false },
                    host.Logs,
                    name => logger.LogInformation("worker {Worker} started", name),
                    ct);
                return CommandRunner.Success;
            });
        return command;
    }
}
