using Roundup.Arxiv.Api;
using Roundup.Arxiv.Http;
using Roundup.Arxiv.OaiPmh;
using Roundup.Arxiv.Rss;

namespace Roundup.Cli.Configuration;

public sealed class ArxivOptions
{
    public ArxivHttpOptions Http { get; set; } = new();

    public OaiPmhOptions Oai { get; set; } = new();

    public ArxivApiOptions Api { get; set; } = new();

    public RssOptions Rss { get; set; } = new();
}
