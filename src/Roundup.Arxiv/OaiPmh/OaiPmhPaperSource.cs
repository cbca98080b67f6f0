using System.Globalization;
using System.Runtime.CompilerServices;
using Roundup.Arxiv.Http;
using Roundup.Arxiv.Xml;
using Roundup.Calendar;
using Roundup.Harvesting;
using Roundup.Papers;
using Roundup.Arxiv.Sources;

namespace Roundup.Arxiv.OaiPmh;

/// <summary>
/// Harvests with OAI-PMH ListRecords, set by set. Datestamps are last-modification times, so the walk asks for
/// everything modified since two days before the window, with no <c>until</c>: a paper announced in the week and
/// revised since must still be found. Listing dates are estimated from v1's submission time.
/// </summary>
public sealed class OaiPmhPaperSource : IPaperSource
{
    private readonly IArxivHttp _http;
    private readonly ArxivCalendar _calendar;
    private readonly OaiPmhOptions _options;

    public OaiPmhPaperSource(IArxivHttp http, ArxivCalendar calendar, OaiPmhOptions options)
    {
        _http = http;
        _calendar = calendar;
        _options = options;
    }

    public string Name => "oai";

    public async IAsyncEnumerable<HarvestPage> ReadAsync(
        HarvestRequest request, string? resumeFrom, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sets = _options.Sets ?? OaiSets.For(request.Categories);
        if (sets.Count == 0)
        {
            sets = [""];
        }

        var position = resumeFrom is null ? new OaiPmhPosition(sets[0], null) : OaiPmhPosition.Parse(resumeFrom);
        var setIndex = IndexOf(sets, position.Set, resumeFrom);
        var token = position.Token;
        var from = request.First.AddDays(-2);
        var restartsLeft = 1;
        while (true)
        {
            var url = token is null ? ListRecordsUrl(sets[setIndex], from) : ResumeUrl(token);
            OaiPmhResponse response;
            try
            {
                response = await ArxivFetch.GetAsync(_http, url, body => OaiPmhParser.Parse(body, url), cancellationToken);
            }
            catch (OaiPmhException e) when (e.RestartRequired && token is not null && restartsLeft-- > 0)
            {
                // Tokens expire daily: walk this set again from the start. Pages already stored merge unchanged.
                token = null;
                continue;
            }

            var papers = response.Papers
                .Where(p => CategoryMatch.Any(p.Categories, request.Categories))
                .Select(p => ExpectedListing.Classify(p, _calendar, request))
                .ToList();

            token = response.ResumptionToken;
            string? next = null;
            if (token is not null)
            {
                next = new OaiPmhPosition(sets[setIndex], token).ToString();
            }
            else if (setIndex + 1 < sets.Count)
            {
                setIndex++;
                next = new OaiPmhPosition(sets[setIndex], null).ToString();
            }

            yield return new HarvestPage(papers, response.Problems, next, url.ToString());
            if (next is null)
            {
                yield break;
            }
        }
    }

    /// <summary>One record; null when arXiv reports it deleted. <c>idDoesNotExist</c> throws <see cref="OaiPmhException"/>.</summary>
    public async Task<Paper?> GetRecordAsync(ArxivId id, CancellationToken cancellationToken = default)
    {
        var url = new Uri($"{_options.BaseUrl}?verb=GetRecord&identifier={Uri.EscapeDataString("oai:arXiv.org:" + id.Canonical)}"
            + $"&metadataPrefix={Uri.EscapeDataString(_options.MetadataPrefix)}");
        return await ArxivFetch.GetAsync(_http, url, body =>
        {
            var response = OaiPmhParser.Parse(body, url);
            return response.Problems.Count > 0
                ? throw new ArxivFormatException(response.Problems[0].Location, response.Problems[0].Message)
                : response.Papers.Count > 0 ? response.Papers[0] : null;
        }, cancellationToken);
    }

    public Uri ListRecordsUrl(string set, DateOnly from)
    {
        var setPart = set.Length == 0 ? "" : $"&set={Uri.EscapeDataString(set)}";
        return new Uri(string.Create(CultureInfo.InvariantCulture,
            $"{_options.BaseUrl}?verb=ListRecords&metadataPrefix={Uri.EscapeDataString(_options.MetadataPrefix)}{setPart}&from={from:yyyy-MM-dd}"));
    }

    public Uri ResumeUrl(string token) =>
        new($"{_options.BaseUrl}?verb=ListRecords&resumptionToken={Uri.EscapeDataString(token)}");

    private static int IndexOf(IReadOnlyList<string> sets, string set, string? position)
    {
        for (var i = 0; i < sets.Count; i++)
        {
            if (sets[i] == set)
            {
                return i;
            }
        }

        throw new ArgumentException($"cannot resume from '{position}': set '{set}' is not among the sets walked ({string.Join(", ", sets)})", nameof(position));
    }
}
