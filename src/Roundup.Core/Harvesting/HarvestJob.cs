using Microsoft.Extensions.Logging;
using Roundup.Calendar;

namespace Roundup.Harvesting;

/// <summary>Harvests a window from each source in turn, then reports on its completeness.</summary>
public sealed class HarvestJob(IHarvestStore store, ArxivCalendar calendar, ILoggerFactory logs)
{
    public async Task<HarvestOutcome> RunAsync(IReadOnlyList<IPaperSource> sources, HarvestRequest request, CancellationToken cancellationToken = default)
    {
        var harvester = new Harvester(store, logs.CreateLogger<Harvester>());
        var results = new List<HarvestResult>();
        foreach (var source in sources)
        {
            results.Add(await harvester.RunAsync(source, request, cancellationToken));
        }

        var report = await ReportAsync(request, sources.Select(s => s.Name).ToHashSet(StringComparer.Ordinal), results.Sum(r => r.BadRecords), cancellationToken);
        return new HarvestOutcome(results, report);
    }

    /// <summary>The report over what is stored, limited to these sources when given.</summary>
    public async Task<CompletenessReport> ReportAsync(HarvestRequest request, IReadOnlySet<string>? sources = null, int badRecords = 0, CancellationToken cancellationToken = default)
    {
        var sightings = await store.GetSightingsAsync(request.First, request.Last, cancellationToken);
        if (sources is not null)
        {
            sightings = sightings.Where(s => sources.Contains(s.Source)).ToList();
        }

        return CompletenessReport.Build(request.First, request.Last, calendar.ListingDates(request.First, request.Last), request.Categories, sightings, badRecords);
    }
}
