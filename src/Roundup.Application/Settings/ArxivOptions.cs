using Roundup.Arxiv.Api;
using Roundup.Arxiv.Http;
using Roundup.Arxiv.OaiPmh;
using Roundup.Arxiv.Rss;

namespace Roundup.Application.Settings;

public sealed class ArxivOptions
{
    public ArxivHttpOptions Http { get; init; } = new();

    public OaiPmhOptions Oai { get; init; } = new();

    public ArxivApiOptions Api { get; init; } = new();

    public RssOptions Rss { get; init; } = new();
}
