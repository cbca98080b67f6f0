using System.Net;
using Roundup.Testing;
using Roundup.Testing.Http;

namespace Roundup.Arxiv.Tests.Http;

public sealed class ReplayServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Queued_replies_are_given_in_order_then_the_fallback_names_the_request()
    {
        await using var server = new ReplayServer();
        server.Enqueue("/oai?verb=ListRecords&set=cs", Reply.Xml("<one/>"), Reply.Xml("<two/>"));
        using var http = new HttpClient();
        var url = server.Url("/oai?verb=ListRecords&set=cs");

        var one = await http.GetStringAsync(url, Ct);
        var two = await http.GetStringAsync(url, Ct);
        using var three = await http.GetAsync(url, Ct);

        Assert.Equal(("<one/>", "<two/>"), (one, two));
        Assert.Equal(HttpStatusCode.NotFound, three.StatusCode);
        Assert.Contains("GET /oai?verb=ListRecords&set=cs", await three.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Single(server.Unmatched);
        Assert.Empty(server.PendingReplies);
    }

    [Fact]
    public async Task Routes_match_on_the_query_too()
    {
        await using var server = new ReplayServer();
        server.Enqueue("/oai?verb=ListRecords&resumptionToken=abc%7C1001", Reply.Xml("<page2/>"));
        server.Enqueue("/oai?verb=ListRecords&set=cs", Reply.Xml("<page1/>"));
        using var http = new HttpClient();

        var page1 = await http.GetStringAsync(server.Url("/oai?verb=ListRecords&set=cs"), Ct);
        var page2 = await http.GetStringAsync(server.Url("/oai?verb=ListRecords&resumptionToken=abc|1001"), Ct);

        Assert.Equal(("<page1/>", "<page2/>"), (page1, page2));
        Assert.Equal("abc|1001", server.Requests[1].QueryValue("resumptionToken"));
    }

    [Fact]
    public async Task A_handler_sees_the_request_headers_and_everything_is_recorded()
    {
        var clock = new AutoAdvancingTimeProvider();
        await using var server = new ReplayServer(clock);
        server.Map(r => r.Header("If-None-Match") == "\"v1\"" ? Reply.NotModified() : Reply.Text("fresh").WithETag("\"v1\""));
        using var http = new HttpClient();
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Test/1.0");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, server.Url("/x?a=1"));
        conditional.Headers.TryAddWithoutValidation("If-None-Match", "\"v1\"");

        using var plain = await http.GetAsync(server.Url("/x?a=1"), Ct);
        using var notModified = await http.SendAsync(conditional, Ct);

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal("\"v1\"", plain.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        var first = server.Requests[0];
        Assert.Equal(("GET", "/x?a=1", "/x", "a=1"), (first.Method, first.PathAndQuery, first.Path, first.Query));
        Assert.Equal("Test/1.0", first.UserAgent);
        Assert.Equal(clock.GetUtcNow(), first.ArrivedAt);
    }

    [Fact]
    public async Task Files_are_served_from_a_folder_with_a_type_from_their_extension()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("oai"));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "oai", "page1.xml"), "<OAI-PMH/>", Ct);
        await using var server = new ReplayServer();
        server.ServeFolder(folder.Path, "/recorded");
        using var http = new HttpClient();

        using var found = await http.GetAsync(server.Url("/recorded/oai/page1.xml?ignored=1"), Ct);
        using var missing = await http.GetAsync(server.Url("/recorded/oai/page2.xml"), Ct);

        Assert.Equal("<OAI-PMH/>", await found.Content.ReadAsStringAsync(Ct));
        Assert.Equal("application/xml", found.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Replies_carry_their_status_and_headers()
    {
        await using var server = new ReplayServer();
        server.Enqueue("/api", Reply.TooManyRequests(retryAfterSeconds: 7));
        using var http = new HttpClient();

        using var response = await http.GetAsync(server.Url("/api"), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.Equal("Rate exceeded.", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_script_that_throws_answers_500()
    {
        await using var server = new ReplayServer();
        server.Map(_ => throw new InvalidOperationException("broken script"));
        using var http = new HttpClient();

        using var response = await http.GetAsync(server.Url("/x"), Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("broken script", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
