using System.Text;
using Roundup.Arxiv.Http;
using Roundup.Testing;
using Roundup.Testing.Http;

namespace Roundup.Arxiv.Tests.Http;

public sealed class DiskResponseCacheTests : IDisposable
{
    private static readonly Uri Url = new("https://export.arxiv.org/api/query?id_list=2401.00001");

    private readonly TempDirectory _folder = new();
    private readonly AutoAdvancingTimeProvider _clock = new();
    private readonly DiskResponseCache _cache;

    public DiskResponseCacheTests()
    {
        _cache = new DiskResponseCache(_folder.Path, _clock, TimeSpan.FromHours(20));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_stored_answer_comes_back_with_its_metadata()
    {
        var body = Encoding.UTF8.GetBytes("<feed/>");

        await _cache.StoreAsync(Url, body, "application/atom+xml", "\"abc\"", "Sun, 01 Mar 2026 20:00:00 GMT", Ct);
        var entry = await _cache.TryGetAsync(Url, Ct);

        Assert.NotNull(entry);
        Assert.Equal(body, entry.Content);
        Assert.Equal(Url, entry.Url);
        Assert.Equal(_clock.GetUtcNow(), entry.FetchedAt);
        Assert.Equal("application/atom+xml", entry.ContentType);
        Assert.Equal("\"abc\"", entry.ETag);
        Assert.Equal("Sun, 01 Mar 2026 20:00:00 GMT", entry.LastModified);
        Assert.True(entry.CanRevalidate);
    }

    [Fact]
    public async Task Files_are_named_by_the_sha256_of_the_url_and_no_temporary_file_is_left()
    {
        await _cache.StoreAsync(Url, [1, 2, 3], null, null, null, Ct);

        var key = DiskResponseCache.KeyFor(Url);
        Assert.Matches("^[0-9a-f]{64}$", key);
        var files = Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal([key + ".body", key + ".json"], files);
    }

    [Fact]
    public async Task An_entry_is_fresh_until_the_maximum_age()
    {
        var entry = await _cache.StoreAsync(Url, [1], null, null, null, Ct);

        _clock.Advance(TimeSpan.FromHours(19.9));
        Assert.True(_cache.IsFresh(entry));
        _clock.Advance(TimeSpan.FromHours(0.1));
        Assert.False(_cache.IsFresh(entry));
    }

    [Fact]
    public async Task Refresh_restarts_the_age_and_keeps_the_body()
    {
        var entry = await _cache.StoreAsync(Url, [7, 8], null, "\"v1\"", null, Ct);
        _clock.Advance(TimeSpan.FromDays(2));

        await _cache.RefreshAsync(entry, etag: "\"v2\"", cancellationToken: Ct);
        var reread = await _cache.TryGetAsync(Url, Ct);

        Assert.NotNull(reread);
        Assert.True(_cache.IsFresh(reread));
        Assert.Equal([7, 8], reread.Content);
        Assert.Equal("\"v2\"", reread.ETag);
    }

    [Fact]
    public async Task A_missing_entry_is_a_miss() => Assert.Null(await _cache.TryGetAsync(Url, Ct));

    [Theory]
    [InlineData(".json", "not json")]
    [InlineData(".json", "")]
    [InlineData(".json", "null")]
    [InlineData(".body", "<fee")]
    [InlineData(".body", "<fEEd/>")]
    public async Task A_damaged_entry_is_a_miss(string file, string content)
    {
        await _cache.StoreAsync(Url, Encoding.UTF8.GetBytes("<feed/>"), null, null, null, Ct);
        var key = DiskResponseCache.KeyFor(Url);

        await File.WriteAllTextAsync(Path.Combine(_folder.Path, key[..2], key + file), content, Ct);

        Assert.Null(await _cache.TryGetAsync(Url, Ct));
    }

    [Fact]
    public async Task A_body_without_metadata_is_a_miss()
    {
        await _cache.StoreAsync(Url, [1], null, null, null, Ct);
        var key = DiskResponseCache.KeyFor(Url);

        File.Delete(Path.Combine(_folder.Path, key[..2], key + ".json"));

        Assert.Null(await _cache.TryGetAsync(Url, Ct));
    }

    [Fact]
    public async Task Forget_removes_the_entry_and_is_harmless_when_there_is_none()
    {
        await _cache.StoreAsync(Url, [1], null, null, null, Ct);

        _cache.Forget(Url);
        _cache.Forget(Url);
        _cache.Forget(new Uri("https://arxiv.org/never-stored"));

        Assert.Null(await _cache.TryGetAsync(Url, Ct));
    }

    [Fact]
    public async Task Different_urls_do_not_share_an_entry()
    {
        var other = new Uri("https://export.arxiv.org/api/query?id_list=2401.00002");
        await _cache.StoreAsync(Url, [1], null, null, null, Ct);
        await _cache.StoreAsync(other, [2], null, null, null, Ct);

        Assert.Equal([1], (await _cache.TryGetAsync(Url, Ct))!.Content);
        Assert.Equal([2], (await _cache.TryGetAsync(other, Ct))!.Content);
    }
}
