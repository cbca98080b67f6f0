using Microsoft.Extensions.Logging;
using Roundup.Application.Distributing;

namespace Roundup.Workers.Jobs;

/// <summary>Writes one pick's entry for a run with this worker's writer (the LLM, grounded, or the offline writer) and stores it.</summary>
public sealed class WriteEntryJob(WorkerContext context)
{
    public async Task RunAsync(Guid run, string paper, CancellationToken cancellationToken)
    {
        if (await context.Store.UnwrittenAsync(run, paper, cancellationToken) is not { } asked)
        {
            context.Logger.LogInformation("{Paper}: entry already written for this run (or the run is over); nothing to do", paper);
            return;
        }

        await using var host = context.NewHost();
        var entry = await WorkSteps.WriteAsync(host, asked.Profile, asked.Paper, cancellationToken);
        var kept = await context.Store.SaveEntryAsync(run, paper, entry, context.Name, cancellationToken);
        context.Logger.LogInformation("{Entry}{Kept}", entry.Describe(paper), kept ? "" : "; another worker stored it first");
    }
}
