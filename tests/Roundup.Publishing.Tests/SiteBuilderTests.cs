using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using Roundup.Publishing.Archive;
using Roundup.Testing;

namespace Roundup.Publishing.Tests;

public sealed class SiteBuilderTests
{
    [Fact]
    public void Writes_every_page_feed_figure_and_asset()
    {
        using var dir = new TempDirectory();
        var written = SiteBuilder.Build(SampleIssues.Archive(), SampleIssues.Site, dir.Path);

        foreach (var expected in new[]
        {
            "index.html", "search.html", "search.js", "site.css", "atom.xml", "rss.xml", "feed.json",
            "issues/2025-W26.html", "issues/2025-W26-funnel.svg", "issues/2025-W25.html", "issues/2025-W25-funnel.svg",
            "tags/vision.html", "tags/reinforcement-learning.html", "tags/reasoning-and-language-models.html",
            "tags/cs.lg.html", "tags/cs.cv.html", "tags/cs.cl.html", "tags/cs.cr.html", "tags/cs.ai.html",
        })
        {
            Assert.Contains(expected, written);
            Assert.True(File.Exists(dir.File(expected)), $"{expected} was not written");
        }

        Assert.Equal(written.Order(StringComparer.Ordinal), written);
        Assert.DoesNotContain(written, p => p.Contains("2025-W27", StringComparison.Ordinal) || p.Contains("drafts", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rebuild_removes_the_pages_it_no_longer_writes_and_nothing_else()
    {
        using var dir = new TempDirectory();
        var before = SiteBuilder.Build(SampleIssues.Archive(), SampleIssues.Site, dir.Path);
        File.WriteAllText(dir.File("CNAME"), "roundup.example.org\n");
        File.WriteAllText(dir.File("outside.txt"), "not the site's\n");
        File.AppendAllText(dir.File(".roundup-site"), "../outside.txt\n/etc/hostname\n");

        var after = SiteBuilder.Build([SampleIssues.Week26Corrected()], SampleIssues.Site, dir.Path);

        var gone = before.Except(after).ToList();
        Assert.Contains("issues/2025-W25.html", gone);
        Assert.All(gone, p => Assert.False(File.Exists(dir.File(p)), $"{p} is stale and still there"));
        Assert.All(after, p => Assert.True(File.Exists(dir.File(p)), $"{p} is missing"));
        Assert.True(File.Exists(dir.File("CNAME")), "a file the site did not write was removed");
        Assert.True(File.Exists(dir.File("outside.txt")));
        Assert.DoesNotContain("2025-W25", File.ReadAllText(dir.File("index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_issue_page_has_an_anchor_per_entry_the_figure_and_the_correction()
    {
        using var dir = new TempDirectory();
        SiteBuilder.Build(SampleIssues.Archive(), SampleIssues.Site, dir.Path);
        var doc = HtmlDoc.Parse(File.ReadAllText(dir.File("issues/2025-W26.html")));

        foreach (var entry in SampleIssues.Week26().Entries)
        {
            var article = doc.GetElementById(entry.Anchor);
            Assert.NotNull(article);
            Assert.Contains(doc.QuerySelectorAll("nav.toc a"), a => a.GetAttribute("href") == "#" + entry.Anchor);
        }

        var svg = doc.QuerySelector("figure.funnel svg");
        Assert.NotNull(svg);
        Assert.Contains("3,030 → 1,060", svg.TextContent, StringComparison.Ordinal);
        Assert.Contains("3.6 points, not 6.3", doc.QuerySelector("aside.corrections")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("3.6 points, not 6.3", doc.GetElementById("p-2506-01234")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("../issues/2025-W25.html", doc.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
    }

    [Fact]
    public void The_funnel_file_is_a_standalone_svg()
    {
        using var dir = new TempDirectory();
        SiteBuilder.Build(SampleIssues.Archive(), SampleIssues.Site, dir.Path);
        var svg = XDocument.Load(dir.File("issues/2025-W26-funnel.svg")).Root!;
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), svg.Name);
        Assert.Equal(5, svg.Descendants(XName.Get("g", "http://www.w3.org/2000/svg")).Count());
    }

    [Fact]
    public void The_index_lists_public_issues_newest_first_and_the_tags()
    {
        using var dir = new TempDirectory();
        SiteBuilder.Build(SampleIssues.Archive(), SampleIssues.Site, dir.Path);
        var doc = HtmlDoc.Parse(File.ReadAllText(dir.File("index.html")));

        Assert.Equal(["issues/2025-W26.html", "issues/2025-W25.html"], doc.QuerySelectorAll(".issue-list h2 a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain("Draft", doc.Body!.TextContent, StringComparison.Ordinal);
        var lg = doc.QuerySelectorAll(".tag-cloud a").Single(a => a.GetAttribute("href") == "tags/cs.lg.html");
        Assert.Equal("cs.LG 4", lg.TextContent);
    }

    [Fact]
    public void Tag_pages_list_the_entries_across_issues()
    {
        using var dir = new TempDirectory();
        SiteBuilder.Build(SampleIssues.Archive(), SampleIssues.Site, dir.Path);
        var doc = HtmlDoc.Parse(File.ReadAllText(dir.File("tags/reasoning-and-language-models.html")));

        Assert.Equal(
            ["../issues/2025-W26.html#p-2506-01234", "../issues/2025-W26.html#p-2506-02468", "../issues/2025-W25.html#p-2506-00042"],
            doc.QuerySelectorAll("ul.tagged a.title").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void The_search_index_holds_every_public_paper_with_its_link()
    {
        using var dir = new TempDirectory();
        SiteBuilder.Build(SampleIssues.Archive(), SampleIssues.Site, dir.Path);
        var doc = HtmlDoc.Parse(File.ReadAllText(dir.File("search.html")));
        using var index = JsonDocument.Parse(doc.GetElementById("search-index")!.TextContent);

        var urls = index.RootElement.EnumerateArray().Select(e => e.GetProperty("url").GetString()).ToList();
        Assert.Equal(7, urls.Count);
        Assert.Contains("issues/2025-W26.html#p-2506-05791", urls);
        Assert.Contains(index.RootElement.EnumerateArray(), e => e.GetProperty("title").GetString() == SampleIssues.HostileTitle);
    }

    [Fact]
    public void Pages_make_no_request_outside_the_site()
    {
        using var dir = new TempDirectory();
        var written = SiteBuilder.Build(SampleIssues.Archive(), SampleIssues.Site, dir.Path);
        foreach (var page in written.Where(p => p.EndsWith(".html", StringComparison.Ordinal)))
        {
            var doc = HtmlDoc.Parse(File.ReadAllText(dir.File(page)));
            var loaded = doc.QuerySelectorAll("script[src], link[rel=stylesheet], img, iframe")
                .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href") ?? "");
            Assert.All(loaded, url => Assert.False(url.Contains("//", StringComparison.Ordinal), $"{page} loads {url}"));
        }
    }

    [Fact]
    public void The_same_issues_give_the_same_bytes_in_any_order()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var a = SiteBuilder.Build(SampleIssues.Archive(), SampleIssues.Site, first.Path);
        var b = SiteBuilder.Build(SampleIssues.Archive().Reverse().ToList(), SampleIssues.Site, second.Path);

        Assert.Equal(a, b);
        foreach (var path in a)
        {
            Assert.True(
                SHA256.HashData(File.ReadAllBytes(first.File(path))).SequenceEqual(SHA256.HashData(File.ReadAllBytes(second.File(path)))),
                $"{path} differs between two builds");
        }
    }

    [Fact]
    public void A_missing_output_folder_name_is_an_error()
    {
        var error = Assert.Throws<ArgumentException>(() => SiteBuilder.Build(SampleIssues.Archive(), SampleIssues.Site, " "));
        Assert.Contains("output folder", error.Message, StringComparison.Ordinal);
    }
}

public sealed class TagTests
{
    [Theory]
    [InlineData("Reinforcement learning", "reinforcement-learning")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("Vision–language models", "vision-language-models")]
    [InlineData("...", null)]
    [InlineData("視覚", null)]
    public void Topic_slugs_stay_inside_the_tags_folder(string topic, string? expected)
    {
        var slug = Tag.ForTopic(topic).Slug;
        Assert.Matches("^[a-z0-9][a-z0-9.-]*$", slug);
        Assert.DoesNotContain("..", slug, StringComparison.Ordinal);
        if (expected is not null)
        {
            Assert.Equal(expected, slug);
        }
        else
        {
            Assert.StartsWith("tag-", slug, StringComparison.Ordinal);
            Assert.NotEqual(Tag.ForTopic(topic + "x").Slug, slug);
        }
    }

    [Fact]
    public void Category_slugs_keep_their_dot() => Assert.Equal("cs.lg", Tag.ForCategory("cs.LG").Slug);
}
