using Microsoft.Extensions.Logging;
using Roundup.Application.Hosting;
using Roundup.Application.Settings;
using Roundup.Application.Weeks;
using Roundup.Arxiv.Api;
using Roundup.Harvesting;

namespace Roundup.Application.Harvesting;

/// <summary>
/// Fills in the metadata a listing lacks (all categories, versions, DOI, licence) for a window's stored papers with the
/// API's id_list look-ups: those never seen with their version history, or every one.
/// </summary>
public sealed class RefreshPapers(RoundupHost host)
{
    public async Task<(HarvestResult Result, int Asked)> RunAsync(Window window, bool all, CancellationToken ct)
    {
        var store = await host.StoreAsync(ct);
        var papers = await store.Papers.GetPapersAnnouncedAsync(window.First, window.Last, ct);
        var ids = papers.Where(p => all || p.Versions.Count == 0).Select(p => p.Id).ToList();
        var source = new ArxivApiLookupSource((ArxivApiPaperSource)host.Source(new SourceSpec("api", [])), ids);
        var request = new HarvestRequest(window.First, window.Last, ["refresh"]);
        var result = await new Harvester(store.Harvest, host.Logs.CreateLogger<Harvester>()).RunAsync(source, request, ct);
        return (result, ids.Count);
    }
}
