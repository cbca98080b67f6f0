using Microsoft.Extensions.Logging;
using Roundup.Application.Hosting;
using Roundup.Workers.Database;

namespace Roundup.Workers.Jobs;

/// <summary>
/// What the jobs of one <c>roundup worker</c> share: the work store, a fresh host per job (hosts are not shared
/// between threads, and a fresh one keeps no paper's evidence in memory after its job), and the worker's name.
/// </summary>
public sealed class WorkerContext(WorkStore store, Func<RoundupHost> newHost, string name, ILoggerFactory logs)
{
    public WorkStore Store { get; } = store;

    public string Name { get; } = name;

    public ILogger Logger { get; } = logs.CreateLogger("Roundup.Worker");

    public RoundupHost NewHost() => newHost();
}
