using System.Net;
using Microsoft.Extensions.Logging;

namespace Roundup.Web.Tests;

/// <summary>
/// Symbolic links in the archive folder: a link is followed only while every hop stays inside the folder's real
/// path, so links between the archive's own files work, and any link out (file or folder, at any depth, through a
/// chain of links, or out and back in) is a 404 that reveals nothing, and a warning in the server's log.
/// </summary>
public sealed class ArchiveLinkTests : IAsyncLifetime
{
    private const string Secret = "outside the archive: not for the web";
    private RunningSite _site = null!;

    private string Site => _site.ArchiveDir;

    public async ValueTask InitializeAsync()
    {
        _site = await RunningSite.StartAsync();
        Directory.CreateDirectory(Path.Combine(Site, "issues", "deep"));
        await File.WriteAllTextAsync(Path.Combine(Site, "index.html"), "<!DOCTYPE html><title>Index</title><p>All issues</p>");
        await File.WriteAllTextAsync(Path.Combine(Site, "issues", "2025-W26.html"), "<!DOCTYPE html><title>W26</title><p>The W26 issue</p>");
        await File.WriteAllTextAsync(Path.Combine(Site, ".hidden.html"), Secret);

        // Outside the archive, beside it: a file and a folder with a page and an index of its own.
        Directory.CreateDirectory(_site.Dir.File("private"));
        await File.WriteAllTextAsync(_site.Dir.File("private/secret.html"), Secret);
        await File.WriteAllTextAsync(_site.Dir.File("private/index.html"), Secret);
        await File.WriteAllTextAsync(_site.Dir.File("secret.html"), Secret);
    }

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_file_link_out_of_the_folder_is_404()
    {
        Link("passwd.html", "/etc/passwd");
        Link("secret.html", _site.Dir.File("secret.html"));
        Link("relative.html", "../secret.html");
        await AssertHiddenAsync("passwd.html", "root:");
        await AssertHiddenAsync("secret.html");
        await AssertHiddenAsync("relative.html");
        await AssertHiddenAsync("secret.html");

        // Said to the operator, once however often it is asked for; never to the client.
        var warning = Assert.Single(_site.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("/secret.html not served", StringComparison.Ordinal));
        Assert.Contains($"the link secret.html points to {_site.Dir.File("secret.html")}, outside the folder", warning.Message, StringComparison.Ordinal);
        Assert.Contains(_site.Logs.Entries, e => e.Message.Contains("/relative.html not served: the link relative.html leads above the folder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_folder_link_out_of_the_folder_serves_neither_its_files_nor_its_index()
    {
        Link("private", _site.Dir.File("private"));
        Link("issues/deep/up", "../../../private");
        await AssertHiddenAsync("private/secret.html");
        await AssertHiddenAsync("private/");
        await AssertHiddenAsync("private");
        await AssertHiddenAsync("issues/deep/up/secret.html");
        await AssertHiddenAsync("issues/deep/up/");
    }

    [Fact]
    public async Task A_link_out_at_any_depth_is_404()
    {
        Link("issues/deep/page.html", _site.Dir.File("secret.html"));
        Link("issues/deep/etc", "/etc");
        await AssertHiddenAsync("issues/deep/page.html");
        await AssertHiddenAsync("issues/deep/etc/passwd", "root:");
        await AssertHiddenAsync("issues/deep/etc/hostname");
    }

    [Fact]
    public async Task Chains_of_links_are_followed_only_while_they_stay_inside()
    {
        Link("hop1.html", "hop2.html");
        Link("hop2.html", "issues/hop3.html");
        Link("issues/hop3.html", _site.Dir.File("secret.html"));
        Link("loop-a.html", "loop-b.html");
        Link("loop-b.html", "loop-a.html");
        await AssertHiddenAsync("hop1.html");
        await AssertHiddenAsync("hop2.html");
        await AssertHiddenAsync("loop-a.html");
        Assert.Contains(_site.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("/loop-a.html not served: more than 40 links were followed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_whose_target_is_inside_but_reached_through_a_path_outside_is_404()
    {
        var siteName = Path.GetFileName(Site);
        // ../site/index.html climbs out of the folder and back in.
        Link("via-parent.html", $"../{siteName}/index.html");
        // An outside link that points back in: the hop through it is outside.
        Link(_site.Dir.File("back-in.html"), Path.Combine(Site, "index.html"), inside: false);
        Link("bounce.html", _site.Dir.File("back-in.html"));
        // An outside folder link whose target is the archive itself.
        Link(_site.Dir.File("alias-of-site"), Site, inside: false);
        Link("via-alias.html", Path.Combine(_site.Dir.File("alias-of-site"), "index.html"));
        // A link to a dot file inside is still a dot file.
        Link("visible.html", ".hidden.html");
        await AssertHiddenAsync("via-parent.html", "All issues");
        await AssertHiddenAsync("bounce.html", "All issues");
        await AssertHiddenAsync("via-alias.html", "All issues");
        await AssertHiddenAsync("visible.html");
    }

    [Fact]
    public async Task Links_that_stay_inside_the_folder_are_served()
    {
        Link("latest.html", "issues/2025-W26.html");
        Link("issues/deep/back.html", "../2025-W26.html");
        Link("absolute.html", Path.Combine(Site, "issues", "2025-W26.html"));
        Link("chain.html", "latest.html");
        Link("all", "issues");
        foreach (var path in new[] { "latest.html", "issues/deep/back.html", "absolute.html", "chain.html", "all/2025-W26.html" })
        {
            using var response = await _site.Client.GetAsync(new Uri(_site.Base, path));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.Contains("The W26 issue", body, StringComparison.Ordinal);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_folder_itself_may_be_a_link_and_may_be_swapped_while_serving()
    {
        var release = _site.Dir.File("release-2");
        Directory.CreateDirectory(release);
        await File.WriteAllTextAsync(Path.Combine(release, "index.html"), "<!DOCTYPE html><title>Index</title><p>Release two</p>");
        Link(Path.Combine(release, "escape.html"), _site.Dir.File("secret.html"), inside: false);
        Directory.Delete(Site, recursive: true);
        Directory.CreateSymbolicLink(Site, release);

        using var index = await _site.Client.GetAsync(_site.Base);
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("Release two", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertHiddenAsync("escape.html");
    }

    [Theory]
    [InlineData(".private/notes.html")]
    [InlineData(".hidden.html")]
    public async Task Nothing_under_a_dot_name_is_served(string path)
    {
        Directory.CreateDirectory(Path.Combine(Site, ".private"));
        await File.WriteAllTextAsync(Path.Combine(Site, ".private", "notes.html"), Secret);
        await AssertHiddenAsync(path);
    }

    /// <summary>Makes a link in the archive at <paramref name="path"/> (relative to it unless <paramref name="inside"/> is false) pointing to <paramref name="target"/> as written.</summary>
    private void Link(string path, string target, bool inside = true)
    {
        var at = inside ? Path.Combine(Site, path) : path;
        if (Directory.Exists(target) || (!Path.IsPathRooted(target) && Directory.Exists(Path.Combine(Path.GetDirectoryName(at)!, target))))
        {
            Directory.CreateSymbolicLink(at, target);
        }
        else
        {
            File.CreateSymbolicLink(at, target);
        }
    }

    private async Task AssertHiddenAsync(string path, string secret = Secret)
    {
        using var response = await _site.Client.GetAsync(new Uri(_site.Base, path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
    }
}
