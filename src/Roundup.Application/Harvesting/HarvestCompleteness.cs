using Roundup.Application.Hosting;
using Roundup.Application.Weeks;
using Roundup.Harvesting;

namespace Roundup.Application.Harvesting;

/// <summary>
/// How complete a window's stored harvest is, read from the store alone (nothing fetched): papers per listing date
/// and harvested category, the listing dates of the window's announcement days that have no papers, and the papers
/// one source saw and another did not.
/// </summary>
public sealed class HarvestCompleteness(RoundupHost host)
{
    public async Task<CompletenessReport> RunAsync(Window window, CancellationToken ct)
    {
        var store = await host.StoreAsync(ct);
        var sightings = await store.Harvest.GetSightingsAsync(window.First, window.Last, ct);
        return CompletenessReport.Build(window.First, window.Last, host.Calendar.ListingDates(window.First, window.Last), host.Options.Harvest.EffectiveCategories, sightings);
    }
}
