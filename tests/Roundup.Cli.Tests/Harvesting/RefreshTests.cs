using Roundup.Testing;
using Roundup.Testing.Http;

namespace Roundup.Cli.Tests.Harvesting;

public sealed class RefreshTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Lookup = """
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
          <id>https://arxiv.org/api/x</id><title>arXiv Query</title><updated>2025-06-28T00:00:00Z</updated>
          <opensearch:itemsPerPage>2</opensearch:itemsPerPage><opensearch:totalResults>1</opensearch:totalResults><opensearch:startIndex>0</opensearch:startIndex>
          <entry>
            <id>http://arxiv.org/abs/2506.00001v2</id><updated>2025-06-26T10:00:00Z</updated><published>2025-06-18T10:00:00Z</published>
            <title>Good one, revised</title><summary>Now with more results.</summary>
            <author><name>A. Author</name></author>
            <arxiv:doi>10.1000/abc</arxiv:doi>
            <arxiv:primary_category term="cs.LG"/>
            <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/><category term="cs.CV" scheme="http://arxiv.org/schemas/atom"/>
          </entry>
        </feed>
        """;

    [Fact]
    public async Task Refresh_fills_in_categories_and_versions_without_moving_the_listing_date()
    {
        await using var server = new ReplayServer();
        server.Always("/api/query?id_list=2506.00001,2506.00002&start=0&max_results=2", Reply.Atom(Lookup));
        await File.WriteAllTextAsync(_dir.File("roundup.json"), $$"""
            { "Arxiv": { "Http": { "MinIntervalSeconds": 0, "CacheDirectory": "" }, "Api": { "BaseUrl": "{{server.BaseUri}}api/query" } } }
            """);
        var listing = _dir.File("2025-06-23.jsonl");
        await File.WriteAllLinesAsync(listing,
        [
            """{"arxiv_id": "2506.00001", "listing_date": "2025-06-23", "title": "Good one", "abstract": "a", "authors": ["A. Author"], "primary_category": "cs.LG"}""",
            """{"arxiv_id": "2506.00002", "listing_date": "2025-06-23", "title": "Withdrawn", "abstract": "b", "authors": ["B"], "primary_category": "cs.CV"}""",
        ]);
        Assert.Equal(0, (await RoundupCli.RunAsync(_dir.Path, "import", listing)).ExitCode);

        var refresh = await RoundupCli.RunAsync(_dir.Path, "refresh", "--week", "2025-W26");

        Assert.True(refresh.ExitCode == 0, refresh.Stderr);
        Assert.Contains("Refreshed 1 of 2 papers", refresh.Stdout, StringComparison.Ordinal);
        Assert.Contains("2506.00002: the API returned no entry for it", refresh.Stdout, StringComparison.Ordinal);
        var json = (await RoundupCli.RunAsync(_dir.Path, "papers", "--week", "2025-W26", "--format", "json")).Stdout;
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var paper = doc.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "2506.00001");
        Assert.Equal(["cs.LG", "cs.CV"], paper.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(2, paper.GetProperty("version").GetInt32());
        Assert.Equal("Good one, revised", paper.GetProperty("title").GetString());
        Assert.Equal("2025-06-23", paper.GetProperty("announced").GetString());
        Assert.Equal("10.1000/abc", paper.GetProperty("doi").GetString());
        Assert.Single(server.Requests);
    }
}
