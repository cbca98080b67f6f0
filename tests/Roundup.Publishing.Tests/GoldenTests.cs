using Roundup.Publishing.Archive;
using Roundup.Publishing.Email;
using Roundup.Publishing.Feeds;
using Roundup.Publishing.Markdown;
using Roundup.Testing;

namespace Roundup.Publishing.Tests;

public sealed class GoldenTests
{
    private static readonly EmailPersonalisation Reader = new("Grace", new Uri("https://example.org/roundup/unsubscribe?token=abc123"));

    [Fact]
    public void Markdown_matches_its_golden_file() =>
        Golden.Match("2025-W26.md", IssueMarkdown.Render(SampleIssues.Week26Corrected(), SampleIssues.Site));

    [Fact]
    public void Email_html_and_text_match_their_golden_files()
    {
        var email = IssueEmail.Render(SampleIssues.Week26Corrected(), SampleIssues.Site, Reader);
        Golden.Match("2025-W26.email.html", email.Html);
        Golden.Match("2025-W26.email.txt", email.Text);
        Golden.Match("2025-W26.email.subject.txt", email.Subject + "\n");
    }

    [Fact]
    public void Feeds_match_their_golden_files()
    {
        Golden.Match("atom.xml", IssueFeeds.Atom(SampleIssues.Archive(), SampleIssues.Site));
        Golden.Match("rss.xml", IssueFeeds.Rss(SampleIssues.Archive(), SampleIssues.Site));
        Golden.Match("feed.json", IssueFeeds.JsonFeed(SampleIssues.Archive(), SampleIssues.Site));
    }

    [Fact]
    public void Funnel_figure_matches_its_golden_file() =>
        Golden.Match("2025-W26-funnel.svg", FunnelFigure.Svg(SampleIssues.Funnel) + "\n");

    [Fact]
    public void Archive_pages_match_their_golden_files()
    {
        using var dir = new TempDirectory();
        SiteBuilder.Build(SampleIssues.Archive(), SampleIssues.Site, dir.Path);
        foreach (var page in new[] { "index.html", "issues/2025-W26.html", "tags/cs.cv.html", "tags/reinforcement-learning.html", "search.html" })
        {
            Golden.Match("site/" + page, File.ReadAllText(dir.File(page)));
        }
    }

    [Fact]
    public void Rendering_twice_gives_the_same_bytes()
    {
        var first = IssueEmail.Render(SampleIssues.Week26Corrected(), SampleIssues.Site, Reader);
        var second = IssueEmail.Render(SampleIssues.Week26Corrected(), SampleIssues.Site, Reader);
        Assert.Equal(first, second);
        Assert.Equal(IssueFeeds.Atom(SampleIssues.Archive(), SampleIssues.Site), IssueFeeds.Atom(SampleIssues.Archive(), SampleIssues.Site));
        Assert.Equal(IssueMarkdown.Render(SampleIssues.Week26(), SampleIssues.Site), IssueMarkdown.Render(SampleIssues.Week26(), SampleIssues.Site));
    }
}
