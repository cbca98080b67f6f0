using Roundup.Arxiv.Http;
using Roundup.Testing;
using Roundup.Testing.Http;

namespace Roundup.Arxiv.Tests.Http;

public sealed class ArxivHttpClientCacheTests : IDisposable
{
    private const string Query = "/api/query?id_list=2401.00001";

    private readonly TempDirectory _cache = new();
    private readonly AutoAdvancingTimeProvider _clock = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _cache.Dispose();

    [Fact]
    public async Task A_cached_answer_is_not_asked_for_again()
    {
        await using var server = new ReplayServer(_clock);
        server.Enqueue(Query, Reply.Atom("<feed>1</feed>"), Reply.Atom("<feed>2</feed>"));
        using var client = Client();

        var first = await client.GetAsync(server.Url(Query), Ct);
        var second = await client.GetAsync(server.Url(Query), Ct);

        Assert.Single(server.Requests);
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal("<feed>1</feed>", second.ReadText());
        Assert.Equal("application/atom+xml; charset=utf-8", second.ContentType);
    }

    [Fact]
    public async Task Forget_makes_it_ask_again()
    {
        await using var server = new ReplayServer(_clock);
        server.Enqueue(Query, Reply.Atom("<truncated"), Reply.Atom("<feed/>"));
        using var client = Client();
        var url = server.Url(Query);

        await client.GetAsync(url, Ct);
        client.Forget(url);
        var again = await client.GetAsync(url, Ct);

        Assert.Equal(2, server.Requests.Count);
        Assert.False(again.FromCache);
        Assert.Equal("<feed/>", again.ReadText());
    }

    [Fact]
    public async Task A_stale_entry_with_an_ETag_is_revalidated_and_a_304_reuses_the_body()
    {
        await using var server = new ReplayServer(_clock);
        server.Enqueue(Query, Reply.Atom("<feed>v1</feed>").WithETag("\"v1\""), Reply.NotModified(), Reply.Atom("<feed>never</feed>"));
        using var client = Client();
        var url = server.Url(Query);

        await client.GetAsync(url, Ct);
        _clock.Advance(TimeSpan.FromHours(21));
        var revalidated = await client.GetAsync(url, Ct);
        var fresh = await client.GetAsync(url, Ct);

        Assert.Equal(2, server.Requests.Count);
        Assert.Null(server.Requests[0].Header("If-None-Match"));
        Assert.Equal("\"v1\"", server.Requests[1].Header("If-None-Match"));
        Assert.True(revalidated.FromCache);
        Assert.Equal("<feed>v1</feed>", revalidated.ReadText());
        Assert.True(fresh.FromCache);
    }

    [Fact]
    public async Task A_weak_ETag_is_sent_back_exactly_as_received()
    {
        await using var server = new ReplayServer(_clock);
        server.Enqueue(Query, Reply.Xml("<a/>").WithETag("W/\"x-1\""), Reply.NotModified());
        using var client = Client();

        await client.GetAsync(server.Url(Query), Ct);
        _clock.Advance(TimeSpan.FromDays(1));
        var again = await client.GetAsync(server.Url(Query), Ct);

        Assert.Equal("W/\"x-1\"", server.Requests[1].Header("If-None-Match"));
        Assert.Equal("<a/>", again.ReadText());
    }

    [Fact]
    public async Task A_stale_entry_with_Last_Modified_is_revalidated_and_replaced_by_a_new_200()
    {
        var modified = new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero);
        await using var server = new ReplayServer(_clock);
        server.Enqueue(Query, Reply.Xml("<old/>").WithLastModified(modified), Reply.Xml("<new/>"));
        using var client = Client();
        var url = server.Url(Query);

        await client.GetAsync(url, Ct);
        _clock.Advance(TimeSpan.FromHours(21));
        var updated = await client.GetAsync(url, Ct);
        var cached = await client.GetAsync(url, Ct);

        Assert.Equal("Sun, 01 Mar 2026 20:00:00 GMT", server.Requests[1].Header("If-Modified-Since"));
        Assert.False(updated.FromCache);
        Assert.Equal("<new/>", updated.ReadText());
        Assert.Equal("<new/>", cached.ReadText());
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_stale_entry_without_validators_is_fetched_plainly()
    {
        await using var server = new ReplayServer(_clock);
        server.Enqueue(Query, Reply.Xml("<a/>"), Reply.Xml("<b/>"));
        using var client = Client();

        await client.GetAsync(server.Url(Query), Ct);
        _clock.Advance(TimeSpan.FromHours(20));
        var second = await client.GetAsync(server.Url(Query), Ct);

        Assert.Equal("<b/>", second.ReadText());
        Assert.Null(server.Requests[1].Header("If-None-Match"));
        Assert.Null(server.Requests[1].Header("If-Modified-Since"));
    }

    [Fact]
    public async Task Error_answers_are_not_cached()
    {
        await using var server = new ReplayServer(_clock);
        server.Enqueue(Query, Reply.NotFound(), Reply.Xml("<found/>"));
        using var client = Client();

        await Assert.ThrowsAsync<ArxivHttpException>(() => client.GetAsync(server.Url(Query), Ct));
        var second = await client.GetAsync(server.Url(Query), Ct);

        Assert.Equal("<found/>", second.ReadText());
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_corrupt_cache_entry_is_a_miss()
    {
        await using var server = new ReplayServer(_clock);
        server.Enqueue(Query, Reply.Xml("<first/>"), Reply.Xml("<second/>"), Reply.Xml("<third/>"));
        using var client = Client();
        var url = server.Url(Query);
        await client.GetAsync(url, Ct);
        var key = DiskResponseCache.KeyFor(url);
        var folder = Path.Combine(_cache.Path, key[..2]);

        await File.WriteAllTextAsync(Path.Combine(folder, key + ".json"), "{ \"Url\": ", Ct);
        var afterBadMetadata = await client.GetAsync(url, Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, key + ".body"), "<sec", Ct);
        var afterTruncatedBody = await client.GetAsync(url, Ct);

        Assert.Equal("<second/>", afterBadMetadata.ReadText());
        Assert.Equal("<third/>", afterTruncatedBody.ReadText());
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Without_a_cache_directory_every_get_asks()
    {
        await using var server = new ReplayServer(_clock);
        server.Always(Query, Reply.Xml("<a/>"));
        using var client = TestClients.Create(TestClients.Options(cacheDirectory: null), _clock);

        await client.GetAsync(server.Url(Query), Ct);
        await client.GetAsync(server.Url(Query), Ct);

        Assert.Null(client.Cache);
        Assert.Equal(2, server.Requests.Count);
    }

    private ArxivHttpClient Client() => TestClients.Create(TestClients.Options(_cache.Path), _clock);
}
