using Microsoft.Extensions.Hosting;

namespace Roundup.Web.Hosting;

/// <summary>
/// Replaces the console lifetime: the caller (the CLI, with its own Ctrl-C/SIGTERM handling, or a test) decides when
/// the server stops, and the server prints no start-up banner of its own.
/// </summary>
internal sealed class ExternalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
