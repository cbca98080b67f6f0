using Microsoft.Extensions.Logging.Abstractions;
using Roundup.Arxiv.FullText;
using Roundup.Arxiv.Http;
using Roundup.Papers;
using Roundup.Testing;
using Roundup.Testing.Http;

namespace Roundup.Arxiv.Tests.FullText;

/// <summary>The fetch chain over real HTTP against a local server: HTML, then the e-print, then the PDF.</summary>
public sealed class FullTextFetcherTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly byte[] Pdf = "%PDF-1.4 minimal"u8.ToArray();
    private static readonly byte[] Gzip = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0];

    private (FullTextFetcher Fetcher, ArxivHttpClient Client) Fetcher(ReplayServer server, double timeoutSeconds = 10, bool offline = false)
    {
        var client = new ArxivHttpClient(
            new ArxivHttpOptions { MinIntervalSeconds = 0, MaxRetries = 0, CacheDirectory = "", TimeoutSeconds = timeoutSeconds },
            TimeProvider.System,
            NullLogger<ArxivHttpClient>.Instance);
        return (new FullTextFetcher(() => client, new FullTextFetchOptions { BaseUrl = server.BaseUri.ToString(), Offline = offline }, _dir.Path), client);
    }

    [Fact]
    public async Task Html_missing_falls_back_to_the_source_and_a_second_fetch_asks_nothing()
    {
        await using var server = new ReplayServer();
        server.Always("/html/2506.01234v2", Reply.NotFound());
        server.Always("/e-print/2506.01234v2", Reply.Bytes(Gzip, "application/gzip"));
        var (fetcher, client) = Fetcher(server);
        using (client)
        {
            var (path, attempts) = await fetcher.FetchAsync(ArxivId.Parse("2506.01234"), 2, TestContext.Current.CancellationToken);

            Assert.Equal(Path.Combine(_dir.Path, "2506.01234v2.tar.gz"), path);
            Assert.Equal(["html: 404"], attempts);
            Assert.Equal(Gzip, await File.ReadAllBytesAsync(path!, TestContext.Current.CancellationToken));

            var again = await fetcher.FetchAsync(ArxivId.Parse("2506.01234"), 2, TestContext.Current.CancellationToken);
            Assert.Equal(path, again.Path);
            Assert.Equal(2, server.Requests.Count);
        }
    }

    [Fact]
    public async Task Html_and_source_missing_fall_back_to_the_pdf_and_nothing_at_all_says_what_was_tried()
    {
        await using var server = new ReplayServer();
        server.Always("/html/2506.00001v1", Reply.NotFound());
        server.Always("/e-print/2506.00001v1", Reply.NotFound());
        server.Always("/pdf/2506.00001v1", Reply.Bytes(Pdf, "application/pdf"));
        var (fetcher, client) = Fetcher(server);
        using (client)
        {
            Assert.EndsWith("2506.00001v1.pdf", (await fetcher.FetchAsync(ArxivId.Parse("2506.00001"), 1, TestContext.Current.CancellationToken)).Path, StringComparison.Ordinal);

            var (none, attempts) = await fetcher.FetchAsync(ArxivId.Parse("2506.00002"), 1, TestContext.Current.CancellationToken);
            Assert.Null(none);
            Assert.Equal(["html: 404", "source: 404", "pdf: 404"], attempts);
        }
    }

    [Fact]
    public async Task A_slow_answer_hits_the_time_limit_and_the_fetcher_stops_asking_for_the_run()
    {
        await using var server = new ReplayServer();
        server.Always("/html/2506.00003v1", Reply.Text("<html></html>", "text/html").WithDelay(TimeSpan.FromSeconds(5)));
        var (fetcher, client) = Fetcher(server, timeoutSeconds: 0.5);
        using (client)
        {
            var (path, attempts) = await fetcher.FetchAsync(ArxivId.Parse("2506.00003"), 1, TestContext.Current.CancellationToken);
            Assert.Null(path);
            Assert.Single(attempts);
            Assert.Contains("failed after 1 attempt", attempts[0], StringComparison.Ordinal);

            var next = await fetcher.FetchAsync(ArxivId.Parse("2506.00004"), 1, TestContext.Current.CancellationToken);
            Assert.Equal(["arXiv unreachable earlier in this run"], next.Attempts);
            Assert.Single(server.Requests);
        }
    }

    [Fact]
    public async Task Offline_reads_only_the_folder()
    {
        await using var server = new ReplayServer();
        await File.WriteAllBytesAsync(_dir.File("2506.00005v1.pdf"), Pdf, TestContext.Current.CancellationToken);
        var (fetcher, client) = Fetcher(server, offline: true);
        using (client)
        {
            Assert.NotNull((await fetcher.FetchAsync(ArxivId.Parse("2506.00005"), 1, TestContext.Current.CancellationToken)).Path);
            Assert.Null((await fetcher.FetchAsync(ArxivId.Parse("2506.00006"), 1, TestContext.Current.CancellationToken)).Path);
            Assert.Empty(server.Requests);
        }
    }
}
