using System.Net;

namespace Roundup.Web.Tests;

/// <summary>The static archive under the link base's path: read-only, inside its folder, with sane headers.</summary>
public sealed class ArchiveTests : IAsyncLifetime
{
    private const string Secret = "not for the web: the link key";
    private RunningSite _site = null!;

    public async ValueTask InitializeAsync()
    {
        _site = await RunningSite.StartAsync();
        Directory.CreateDirectory(Path.Combine(_site.ArchiveDir, "issues"));
        await File.WriteAllTextAsync(Path.Combine(_site.ArchiveDir, "index.html"), "<!DOCTYPE html><title>Index</title><p>All issues</p>");
        await File.WriteAllTextAsync(Path.Combine(_site.ArchiveDir, "issues", "2025-W26.html"), "<!DOCTYPE html><title>W26</title>");
        await File.WriteAllTextAsync(Path.Combine(_site.ArchiveDir, "site.css"), "body{}");
        await File.WriteAllTextAsync(Path.Combine(_site.ArchiveDir, ".hidden"), Secret);
        await File.WriteAllTextAsync(Path.Combine(_site.ArchiveDir, "notes.unknownext"), Secret);
        await File.WriteAllTextAsync(_site.Dir.File("roundup.linkkey"), Secret);
    }

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Pages_are_served_under_the_path_base_with_index_html_as_the_default()
    {
        Assert.Equal("/roundup/", _site.Base.AbsolutePath);
        using var index = await _site.Client.GetAsync(_site.Base);
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("All issues", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", index.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("script-src 'self'", index.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(index.Headers.Contains("Server"));

        using var issue = await _site.Client.GetAsync(new Uri(_site.Base, "issues/2025-W26.html"));
        Assert.Equal(HttpStatusCode.OK, issue.StatusCode);
        using var css = await _site.Client.GetAsync(new Uri(_site.Base, "site.css"));
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);

        using var bare = await _site.Client.GetAsync(new Uri(_site.Base, "/roundup"));
        Assert.Equal(HttpStatusCode.MovedPermanently, bare.StatusCode);
        Assert.Equal("/roundup/", bare.Headers.Location?.OriginalString);

        using var outside = await _site.Client.GetAsync(new Uri(_site.Base, "/index.html"));
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Theory]
    [InlineData("..%2froundup.linkkey")]
    [InlineData("..%2Froundup.linkkey")]
    [InlineData("%2e%2e/roundup.linkkey")]
    [InlineData("issues/..%2f..%2froundup.linkkey")]
    [InlineData("..%5croundup.linkkey")]
    [InlineData("%2froundup.linkkey")]
    [InlineData(".hidden")]
    [InlineData("notes.unknownext")]
    [InlineData("issues/")]
    [InlineData("roundup.db")]
    public async Task Nothing_outside_the_folder_hidden_unknown_or_a_listing_is_served(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _site.Base.GetLeftPart(UriPartial.Authority) + "/roundup/" + path);
        using var response = await _site.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path}: {response.StatusCode}");
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/roundup/..%2froundup.linkkey")]
    [InlineData("/roundup/%2e%2e/roundup.linkkey")]
    [InlineData("/roundup/../roundup.linkkey")]
    [InlineData("/roundup/issues/../../roundup.linkkey")]
    [InlineData("/roundup//..//roundup.linkkey")]
    public async Task Raw_paths_that_climb_out_of_the_folder_are_refused(string rawPath)
    {
        var answer = await RawHttp.GetAsync(_site.Base, rawPath);
        Assert.Matches("^HTTP/1.1 (400|404) ", answer);
        Assert.DoesNotContain(Secret, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_archive_is_read_only()
    {
        using var put = await _site.Client.PutAsync(new Uri(_site.Base, "index.html"), new StringContent("defaced"));
        using var post = await _site.Client.PostAsync(new Uri(_site.Base, "index.html"), new StringContent("defaced"));
        using var delete = await _site.Client.DeleteAsync(new Uri(_site.Base, "index.html"));
        Assert.All([put, post, delete], r => Assert.False(r.IsSuccessStatusCode, $"{r.RequestMessage!.Method}: {r.StatusCode}"));
        Assert.Contains("All issues", await File.ReadAllTextAsync(Path.Combine(_site.ArchiveDir, "index.html")), StringComparison.Ordinal);
    }
}
