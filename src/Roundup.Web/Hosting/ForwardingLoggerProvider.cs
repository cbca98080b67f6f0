using Microsoft.Extensions.Logging;

namespace Roundup.Web.Hosting;

/// <summary>Sends the web app's logs to the caller's logger factory (the CLI's stderr), which the caller keeps and disposes.</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    public void Dispose()
    {
    }
}
