using Roundup.Application.Hosting;
using Roundup.Application.Settings;
using Roundup.Application.Weeks;
using Roundup.Harvesting;

namespace Roundup.Application.Harvesting;

/// <summary>Harvests a window's papers from the named sources (default: Harvest:Sources) and reports how complete it is.</summary>
public sealed class HarvestWeek(RoundupHost host)
{
    public async Task<WeekHarvest> RunAsync(Window window, IReadOnlyList<string>? sourceNames, CancellationToken ct)
    {
        var specs = (sourceNames is { Count: > 0 } given ? given : host.Options.Harvest.EffectiveSources).Select(SourceSpec.Parse).ToList();
        var sources = new List<IPaperSource>();
        foreach (var spec in specs)
        {
            sources.AddRange(await host.SourcesAsync(spec, ct));
        }

        var store = await host.StoreAsync(ct);
        var request = new HarvestRequest(window.First, window.Last, host.Options.Harvest.EffectiveCategories);
        var outcome = await new HarvestJob(store.Harvest, host.Calendar, host.Logs).RunAsync(sources, request, ct);
        return new WeekHarvest(outcome, window);
    }
}

/// <summary>A harvest's outcome and the window it covered.</summary>
public sealed record WeekHarvest(HarvestOutcome Outcome, Window Window)
{
    public bool IsComplete => Outcome.Report.IsComplete;
}
