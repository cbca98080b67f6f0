using Microsoft.Extensions.Logging;

namespace Roundup.Web.Desk.Jobs;

/// <summary>
/// The logging of a job's host: everything goes to the server's logs as before, and Roundup's own information,
/// warnings and errors also become the job's lines, so the desk shows the progress the CLI would print.
/// </summary>
internal sealed class JobLogs(DeskJob job, ILoggerFactory server) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName)
    {
        var inner = server.CreateLogger(categoryName);
        return categoryName.StartsWith("Roundup", StringComparison.Ordinal) || categoryName == "llama.cpp" ? new Tee(job, inner) : inner;
    }

    public void AddProvider(ILoggerProvider provider) => server.AddProvider(provider);

    public void Dispose()
    {
        // The server's factory is not the job's to dispose.
    }

    private sealed class Tee(DeskJob job, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information || inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Information)
            {
                var prefix = logLevel switch { LogLevel.Warning => "warning: ", >= LogLevel.Error => "error: ", _ => "" };
                job.Report(prefix + formatter(state, exception));
            }

            if (inner.IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
