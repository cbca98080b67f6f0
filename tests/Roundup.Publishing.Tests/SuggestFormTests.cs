using Roundup.Publishing.Archive;
using Roundup.Testing;

namespace Roundup.Publishing.Tests;

/// <summary>The "suggest a correction" form under each archive entry: only when asked, only on archive pages.</summary>
public sealed class SuggestFormTests
{
    [Fact]
    public void Archive_pages_carry_one_form_per_entry_only_when_asked_and_the_feeds_never()
    {
        using var plain = new TempDirectory();
        SiteBuilder.Build(SampleIssues.Archive(), SampleIssues.Site, plain.Path);
        Assert.DoesNotContain("class=\"suggest\"", File.ReadAllText(plain.File("issues/2025-W26.html")), StringComparison.Ordinal);

        using var dir = new TempDirectory();
        SiteBuilder.Build(SampleIssues.Archive(), SampleIssues.Site with { SuggestCorrections = true }, dir.Path);
        var page = File.ReadAllText(dir.File("issues/2025-W26.html"));
        var entries = SampleIssues.Week26Corrected().Entries.ToList();
        Assert.Equal(entries.Count, page.Split("<form method=\"post\" action=\"../corrections\">").Length - 1);
        foreach (var entry in entries)
        {
            Assert.Contains($"<label for=\"fix-{entry.Anchor}\">", page, StringComparison.Ordinal);
            Assert.Contains($"<textarea id=\"fix-{entry.Anchor}\" name=\"text\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("name=\"week\" value=\"2025-W26\"", page, StringComparison.Ordinal);
        Assert.Contains("<div class=\"trap\" aria-hidden=\"true\">", page, StringComparison.Ordinal);
        Assert.Contains(".trap {", File.ReadAllText(dir.File("site.css")), StringComparison.Ordinal);
        foreach (var feed in new[] { "atom.xml", "rss.xml", "feed.json", "index.html", "search.html" })
        {
            var text = File.ReadAllText(dir.File(feed));
            Assert.DoesNotContain("Suggest a correction", text, StringComparison.Ordinal);
            Assert.DoesNotContain("website", text, StringComparison.Ordinal);
        }
    }
}
