using System.Text;
using Roundup.Arxiv.Http;
using Roundup.Testing.Http;

namespace Roundup.Arxiv.Tests.Http;

public sealed class ArxivHttpClientLimitsTests
{
    private const string Page = "/oai?verb=ListRecords&metadataPrefix=arXiv&set=cs";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_naming_the_limit()
    {
        await using var server = new ReplayServer();
        server.Always(Page, Reply.Xml(new string('x', 5_000)));
        using var client = Client(limit: 1_000);
        var url = server.Url(Page);

        var error = await Assert.ThrowsAsync<ArxivHttpException>(() => client.GetAsync(url, Ct));

        Assert.Contains("1000 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("declares 5000 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains(url.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_while_reading()
    {
        await using var server = new ReplayServer();
        server.Always(Page, Reply.Xml(new string('x', 200_000)).AsChunked());
        using var client = Client(limit: 100_000);

        var error = await Assert.ThrowsAsync<ArxivHttpException>(() => client.GetAsync(server.Url(Page), Ct));

        Assert.Contains("100000 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("while being read", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_body_exactly_at_the_limit_is_accepted()
    {
        await using var server = new ReplayServer();
        server.Always(Page, Reply.Xml(new string('x', 1_000)).AsChunked());
        using var client = Client(limit: 1_000);

        var response = await client.GetAsync(server.Url(Page), Ct);

        Assert.Equal(1_000, response.Content.Length);
    }

    [Fact]
    public async Task A_gzipped_body_is_decompressed()
    {
        var xml = "<OAI-PMH>" + string.Concat(Enumerable.Repeat("<record/>", 1_000)) + "</OAI-PMH>";
        await using var server = new ReplayServer();
        server.Always(Page, Reply.Xml(xml).AsGzip());
        using var client = Client(limit: 1_000_000);

        var response = await client.GetAsync(server.Url(Page), Ct);

        Assert.Equal(xml, Encoding.UTF8.GetString(response.Content));
        Assert.Equal("application/xml; charset=utf-8", response.ContentType);
        Assert.Contains("gzip", server.Requests[0].Header("Accept-Encoding") ?? "", StringComparison.Ordinal);
    }

    private static ArxivHttpClient Client(long limit)
    {
        var options = TestClients.Options();
        options.MaxResponseBytes = limit;
        return TestClients.Create(options, new AutoAdvancingTimeProvider());
    }
}
