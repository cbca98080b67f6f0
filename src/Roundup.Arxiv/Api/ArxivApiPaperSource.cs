using System.Globalization;
using System.Runtime.CompilerServices;
using Roundup.Arxiv.Http;
using Roundup.Arxiv.OaiPmh;
using Roundup.Arxiv.Xml;
using Roundup.Calendar;
using Roundup.Harvesting;
using Roundup.Papers;
using Roundup.Arxiv.Sources;

namespace Roundup.Arxiv.Api;

/// <summary>
/// Harvests with the arXiv API: the request's categories submitted in the window that feeds its listing dates,
/// sorted by submission date and read in slices. Listing dates are estimated from the v1 submission time.
/// </summary>
public sealed class ArxivApiPaperSource : IPaperSource
{
    private readonly IArxivHttp _http;
    private readonly ArxivCalendar _calendar;
    private readonly ArxivApiOptions _options;

    public ArxivApiPaperSource(IArxivHttp http, ArxivCalendar calendar, ArxivApiOptions options)
    {
        _http = http;
        _calendar = calendar;
        _options = options;
    }

    public string Name => "api";

    public async IAsyncEnumerable<HarvestPage> ReadAsync(
        HarvestRequest request, string? resumeFrom, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = SearchQuery(request.Categories, SubmissionWindow.For(_calendar, request.First, request.Last));
        var start = resumeFrom is null ? 0 : int.Parse(resumeFrom, NumberStyles.None, CultureInfo.InvariantCulture);
        var max = _options.EffectiveMaxResults;
        while (start < max)
        {
            var size = Math.Min(_options.EffectivePageSize, max - start);
            var url = SearchUrl(query, start, size);
            var page = await ArxivFetch.GetAsync(_http, url, body => ParseSearchPage(body, url, start), cancellationToken);
            var total = page.TotalResults!.Value;
            var problems = page.Problems.ToList();
            if (start == 0 && total > max)
            {
                problems.Add(new HarvestProblem(url.ToString(),
                    $"the API found {total:N0} results but answers at most {max:N0} per query: results were cut at {max:N0}; split the window into shorter ones"));
            }

            var papers = page.Papers
                .Where(p => CategoryMatch.Any(p.Categories, request.Categories))
                .Select(p => ExpectedListing.Classify(p, _calendar, request))
                .ToList();
            var next = start + size;
            var last = next >= Math.Min(total, max);
            yield return new HarvestPage(papers, problems, last ? null : next.ToString(CultureInfo.InvariantCulture), url.ToString());
            if (last)
            {
                yield break;
            }

            start = next;
        }
    }

    /// <summary>Looks papers up by id, in slices of at most 200; ids arXiv does not know are absent from the answer.</summary>
    public async Task<IReadOnlyList<Paper>> LookupAsync(IReadOnlyList<ArxivId> ids, CancellationToken cancellationToken = default)
    {
        var papers = new List<Paper>();
        foreach (var slice in ids.Chunk(ArxivApiOptions.LookupSlice))
        {
            papers.AddRange((await LookupPageAsync(slice, cancellationToken)).Papers);
        }

        return papers;
    }

    /// <summary>One <c>id_list</c> request (at most <see cref="ArxivApiOptions.LookupSlice"/> ids): the papers, the error entries, the URL.</summary>
    public async Task<(IReadOnlyList<Paper> Papers, IReadOnlyList<HarvestProblem> Problems, Uri Url)> LookupPageAsync(IReadOnlyList<ArxivId> slice, CancellationToken cancellationToken = default)
    {
        var url = new Uri(string.Create(CultureInfo.InvariantCulture,
            $"{_options.BaseUrl}?id_list={string.Join(',', slice.Select(i => i.ToString()))}&start=0&max_results={slice.Count}"));
        var page = await ArxivFetch.GetAsync(_http, url, body => ArxivAtomParser.Parse(body, url.ToString()), cancellationToken);
        return (page.Papers, page.Problems, url);
    }

    /// <summary><c>(cat:cs.LG OR cat:cs.CV) AND submittedDate:[... TO ...]</c>.</summary>
    public static string SearchQuery(IReadOnlyList<string> categories, SubmissionWindow window) =>
        categories.Count == 0
            ? window.ToQuery()
            : $"({string.Join(" OR ", categories.Select(c => "cat:" + c))}) AND {window.ToQuery()}";

    public Uri SearchUrl(string query, int start, int size) => new(string.Create(CultureInfo.InvariantCulture,
        $"{_options.BaseUrl}?search_query={Uri.EscapeDataString(query)}&sortBy=submittedDate&sortOrder=ascending&start={start}&max_results={size}"));

    // The API sometimes answers an empty slice in the middle of a result set; storing it would lose papers silently.
    private static ArxivAtomPage ParseSearchPage(string body, Uri url, int start)
    {
        var page = ArxivAtomParser.Parse(body, url.ToString());
        if (page.TotalResults is not { } total)
        {
            throw new ArxivFormatException(url.ToString(), "the answer carries no opensearch:totalResults");
        }

        if (page.Papers.Count == 0 && page.Problems.Count == 0 && start < total)
        {
            throw new ArxivFormatException(url.ToString(),
                $"an empty slice at start={start} of {total} results (the API does this at times); try again later");
        }

        return page;
    }
}
