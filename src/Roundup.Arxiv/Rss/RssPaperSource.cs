using System.Runtime.CompilerServices;
using Roundup.Arxiv.Http;
using Roundup.Arxiv.OaiPmh;
using Roundup.Calendar;
using Roundup.Harvesting;
using Roundup.Arxiv.Sources;

namespace Roundup.Arxiv.Rss;

/// <summary>
/// Reads today's daily feed for the request's categories in one GET (<c>{base}cs.LG+cs.CV</c>). The feed only ever
/// holds the latest listing: items dated outside the request are still returned and the completeness report
/// filters them. An empty feed (weekend, holiday) is an empty page.
/// </summary>
public sealed class RssPaperSource : IPaperSource
{
    private readonly IArxivHttp _http;
    private readonly ArxivCalendar _calendar;
    private readonly RssOptions _options;

    public RssPaperSource(IArxivHttp http, ArxivCalendar calendar, RssOptions options)
    {
        _http = http;
        _calendar = calendar;
        _options = options;
    }

    public string Name => "rss";

    public async IAsyncEnumerable<HarvestPage> ReadAsync(
        HarvestRequest request, string? resumeFrom, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var url = FeedUrl(request.Categories);
        var feed = await ArxivFetch.GetAsync(_http, url, body => RssFeedParser.Parse(body, url.ToString(), _calendar), cancellationToken);
        yield return new HarvestPage(feed.Items, feed.Problems, null, url.ToString());
    }

    public Uri FeedUrl(IReadOnlyList<string> categories) => categories.Count == 0
        ? throw new ArgumentException("the arXiv feeds are per category: name at least one", nameof(categories))
        : new Uri(_options.FeedBase + string.Join('+', categories.Select(c => Uri.EscapeDataString(c.Trim()))));
}
