using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Roundup.Cli.Output;

/// <summary>
/// The log as one line per entry (<c>warn: Category[0] message</c>, like the simple console formatter's single
/// line) with the message and exception through <see cref="TerminalText.Line"/>: a log entry quoting a file's
/// record or a paper's title cannot drive the terminal either.
/// </summary>
public sealed class TerminalLogFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "roundup";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category);
        textWriter.Write('[');
        textWriter.Write(logEntry.EventId.Id);
        textWriter.Write("] ");
        textWriter.Write(OneLine(message));
        if (logEntry.Exception is { } exception)
        {
            textWriter.Write(' ');
            textWriter.Write(OneLine(exception.ToString()));
        }

        textWriter.Write(Environment.NewLine);
    }

    private static string OneLine(string? text) => TerminalText.Line(text?.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' '));

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => level.ToString().ToLowerInvariant(),
    };
}
