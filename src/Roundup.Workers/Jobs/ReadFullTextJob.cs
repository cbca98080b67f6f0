using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Roundup.Application.Distributing;
using Roundup.Papers;

namespace Roundup.Workers.Jobs;

/// <summary>Reads one paper's full text for a run (fetching it politely into this machine's folder first) and stores the evidence.</summary>
public sealed class ReadFullTextJob(WorkerContext context)
{
    public async Task RunAsync(Guid run, string paper, CancellationToken cancellationToken)
    {
        if (await context.Store.UnreadVersionAsync(run, paper, cancellationToken) is not { } version)
        {
            context.Logger.LogInformation("{Paper}: already read for this run (or the run is over); nothing to do", paper);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        await using var host = context.NewHost();
        var outcome = await WorkSteps.ReadAsync(host, new Paper { Id = ArxivId.Parse(paper), Version = version, Title = paper }, cancellationToken);
        var kept = await context.Store.SaveReadAsync(run, paper, outcome, context.Name, cancellationToken);
        context.Logger.LogInformation("{Paper}v{Version}: {Outcome} in {Seconds:0.0} s{Kept}", paper, version,
            outcome.Unreadable ? $"unreadable ({outcome.Problem})" : outcome.Evidence is null ? "no full text" : $"read ({outcome.Evidence.Format}, {outcome.Evidence.Sections.Count} sections)",
            Stopwatch.GetElapsedTime(started).TotalSeconds, kept ? "" : "; another worker stored it first");
    }
}
