using System.Globalization;
using System.Runtime.CompilerServices;
using Roundup.Arxiv.Sources;
using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Arxiv.Api;

/// <summary>
/// Refreshes the metadata of known papers with the API's <c>id_list</c> look-ups, a slice of ids a page (resumable
/// by slice). It fills in what a listing lacks (all categories, versions, DOI, licence) without moving a paper's
/// listing date: the API only knows submission times.
/// </summary>
public sealed class ArxivApiLookupSource(ArxivApiPaperSource api, IReadOnlyList<ArxivId> ids) : IPaperSource
{
    public string Name => "api-lookup";

    public async IAsyncEnumerable<HarvestPage> ReadAsync(HarvestRequest request, string? resumeFrom, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var slices = ids.Chunk(ArxivApiOptions.LookupSlice).ToList();
        var start = resumeFrom is null ? 0 : int.Parse(resumeFrom, CultureInfo.InvariantCulture);
        for (var i = start; i < slices.Count; i++)
        {
            var (papers, problems, url) = await api.LookupPageAsync(slices[i], cancellationToken);
            var refreshed = papers.Select(p => new HarvestedPaper(p with { Announced = null, AnnounceType = AnnounceType.Unknown }, null, AnnounceType.Unknown)).ToList();
            var missing = slices[i].Select(id => id.Canonical).Except(papers.Select(p => p.Id.Canonical), StringComparer.Ordinal)
                .Select(id => new HarvestProblem($"{url}", $"{id}: the API returned no entry for it"));
            yield return new HarvestPage(refreshed, [.. problems, .. missing], i + 1 < slices.Count ? (i + 1).ToString(CultureInfo.InvariantCulture) : null, url.ToString());
        }
    }
}
