using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;

namespace Roundup.Workers.Engine;

/// <summary>
/// Hangfire's log lines in the process's own log. Its routine lines (servers announced, workers started) go at Debug,
/// so a worker's log at Information shows the jobs, not the engine's housekeeping.
/// </summary>
internal sealed class HangfireLogs(ILoggerFactory logs) : Hangfire.Logging.ILogProvider
{
    public Hangfire.Logging.ILog GetLogger(string name) => new Adapter(logs.CreateLogger(name));

    private sealed class Adapter(ILogger logger) : Hangfire.Logging.ILog
    {
        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var level = logLevel switch
            {
                HangfireLevel.Trace => LogLevel.Trace,
                HangfireLevel.Debug or HangfireLevel.Info => LogLevel.Debug,
                HangfireLevel.Warn => LogLevel.Warning,
                _ => LogLevel.Error,
            };
            if (messageFunc is null)
            {
                return logger.IsEnabled(level);
            }

#pragma warning disable CA2254 // Hangfire hands over finished text, not a template.
            logger.Log(level, exception, messageFunc());
#pragma warning restore CA2254
            return true;
        }
    }
}
