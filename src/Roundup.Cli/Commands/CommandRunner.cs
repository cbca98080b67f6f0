using Roundup.Application;
using System.CommandLine;
using Microsoft.Extensions.Logging;
using Roundup.Arxiv.Http;
using Roundup.Arxiv.Xml;
using Roundup.Application.Settings;
using Roundup.Application.Hosting;
using Roundup.Application.Selecting;
using Roundup.Application.Writing;
using Roundup.Storage;
using Roundup.Application.Distributing;
using Roundup.Workers.Dispatching;
using Roundup.Workers.Serving;

namespace Roundup.Cli.Commands;

/// <summary>
/// Runs a verb's body with the validated configuration and turns failures into one line on stderr and an exit
/// code: 2 for bad usage or configuration, 1 for a run that failed.
/// </summary>
public static class CommandRunner
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;

    public static void SetAction(Command command, Func<ParseResult, RoundupHost, CancellationToken, Task<int>> body) =>
        SetAction(command, _ => [], body);

    /// <summary>
    /// <paramref name="overrides"/> are the verb's own arguments that stand for configuration keys (such as
    /// <c>--offline</c>): they are applied before validation, so the options are never changed after it.
    /// </summary>
    public static void SetAction(Command command, Func<ParseResult, IEnumerable<KeyValuePair<string, string?>>> overrides, Func<ParseResult, RoundupHost, CancellationToken, Task<int>> body) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, overrides(parse), body, cancellationToken));

    public static async Task<int> RunAsync(ParseResult parse, IEnumerable<KeyValuePair<string, string?>> overrides, Func<ParseResult, RoundupHost, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var (options, errors, _) = ConfigurationLoader.Load(parse.GetValue(CommonOptions.Config), overrides);
        if (errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"roundup: the configuration has {errors.Count} error{(errors.Count == 1 ? "" : "s")}:");
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync($"  - {error}");
            }

            return BadUsage;
        }

        using var logs = LoggerFactory.Create(b => b
            .SetMinimumLevel(parse.GetValue(CommonOptions.LogLevel))
            .AddConsole(o =>
            {
                o.LogToStandardErrorThreshold = LogLevel.Trace;
                o.FormatterName = Output.TerminalLogFormatter.FormatterName;
            })
            .AddConsoleFormatter<Output.TerminalLogFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>());
        HangfireWorkDispatcher? work = null;
        try
        {
            // Only the verbs with --workers hand work out; Workers:Enabled alone connects nothing for the others.
            WorkersConnection? workers = options.Workers.Enabled && parse.CommandResult.Command.Options.Any(o => o.Name == FullTextArguments.WorkersOption)
                ? await WorkersConnection.OpenAsync(options, logs, cancellationToken)
                : null;
            work = workers?.Dispatcher(logs.CreateLogger("Roundup.Workers"));
            await using var host = new RoundupHost(options, logs, TimeProvider.System) { Work = work, RequestSpacing = workers?.Spacing(TimeProvider.System) };
            return await body(parse, host, cancellationToken);
        }
        catch (WorkFailedException e) when (e.InnerException is not null)
        {
            return Fail(Failed, e.Message, "check Workers:ConnectionString and that PostgreSQL runs and lets this machine in");
        }
        catch (WorkFailedException e)
        {
            return Fail(Failed, e.Message, "the workers' logs say more; what was done is kept in the store: run the same command again");
        }
        catch (UsageException e)
        {
            return Fail(BadUsage, e.Message, "see roundup --help");
        }
        catch (ArxivHttpException e) when (e.LastStatus is null)
        {
            return Fail(Failed, e.Message, "no answer from the host: check the network and the configured URL; offline, harvest from files with --source file:PATH");
        }
        catch (ArxivHttpException e)
        {
            return Fail(Failed, e.Message, "arXiv is rate-limiting or down: wait and run again; stored pages are kept and the harvest resumes where it stopped");
        }
        catch (ArxivFormatException e)
        {
            return Fail(Failed, e.Message, "the answer was not usable and was not cached; run again later");
        }
        catch (Roundup.FullText.FullTextException e)
        {
            return Fail(Failed, e.Message, "the file is not a readable paper; nothing was stored");
        }
        catch (StoreException e)
        {
            return Fail(Failed, e.Message, options.Store.IsPostgres
                ? "check Store:ConnectionString (Host, Port, Username, Password, Database) and that the PostgreSQL server is running"
                : "check Store:Path and that the file is writable");
        }
        catch (System.Data.Common.DbException e) when (options.Store.IsPostgres)
        {
            return Fail(Failed, $"the PostgreSQL store failed: {e.Message}", "what was committed is kept: run the same command again once the server is back");
        }
        catch (InvalidDataException e)
        {
            return Fail(Failed, e.Message, "a model file is damaged or from another version: train it again (roundup learn) or delete it");
        }
        catch (Exception e) when (e is FormatException or FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return Fail(Failed, e.Message, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(Failed, "cancelled (interrupted by Ctrl-C or SIGTERM)", "run the same command again to resume");
        }
        finally
        {
            if (work is not null)
            {
                await work.DisposeAsync();
            }
        }
    }

    private static int Fail(int code, string message, string? hint)
    {
        Console.Error.WriteLine($"roundup: {Output.TerminalText.Block(message)}");
        if (hint is not null)
        {
            Console.Error.WriteLine($"  hint: {hint}");
        }

        return code;
    }
}
