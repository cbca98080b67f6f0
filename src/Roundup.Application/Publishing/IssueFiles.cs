using System.Text;
using Roundup.Calendar;
using Roundup.Application.Hosting;
using Roundup.Application.Selecting;
using Roundup.Application.Writing;
using Roundup.Issues;
using Roundup.Publishing;
using Roundup.Publishing.Archive;
using Roundup.Publishing.Email;
using Roundup.Publishing.Feeds;
using Roundup.Publishing.Markdown;

namespace Roundup.Application.Publishing;

/// <summary>An issue's files: the preview of any issue, and the web archive and feeds of the published ones.</summary>
public static class IssueFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// The issue as a reader would get it, whatever its status: Markdown, the HTML e-mail and its plain text (with a
    /// sample unsubscribe link), and the funnel figure, in <paramref name="directory"/>; once approved, also its feeds
    /// and its web archive pages (in <c>site/</c>), which never show a Draft. Returns the files written.
    /// </summary>
    public static IReadOnlyList<string> WritePreview(Issue issue, SiteOptions site, string directory)
    {
        Directory.CreateDirectory(directory);
        var email = IssueEmail.Render(issue, site, new EmailPersonalisation(null, site.Url("unsubscribe?preview")));
        var files = new Dictionary<string, string>
        {
            [$"{issue.Week}.md"] = IssueMarkdown.Render(issue, site),
            [$"{issue.Week}-email.html"] = email.Html,
            [$"{issue.Week}-email.txt"] = email.Text,
            [$"{issue.Week}-funnel.svg"] = FunnelFigure.Svg(issue.Funnel),
        };
        if (issue.Status != IssueStatus.Draft)
        {
            files[$"{issue.Week}.atom.xml"] = IssueFeeds.Atom([issue], site);
            files[$"{issue.Week}.rss.xml"] = IssueFeeds.Rss([issue], site);
            files[$"{issue.Week}.feed.json"] = IssueFeeds.JsonFeed([issue], site);
        }

        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(directory, name), text, Utf8);
        }

        var written = files.Keys.Select(n => Path.GetFullPath(Path.Combine(directory, n))).ToList();
        if (issue.Status != IssueStatus.Draft)
        {
            var siteDir = Path.Combine(directory, "site");
            SiteBuilder.Build([issue], site, siteDir);
            written.Add(Path.GetFullPath(Path.Combine(siteDir, "index.html")));
        }

        return written;
    }

    /// <summary>
    /// Rebuilds the web archive and feeds from every published issue: an issue approved but not yet published stays
    /// out until its own <c>publish</c>.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RebuildArchiveAsync(RoundupHost host, CancellationToken ct)
    {
        var issues = (await (await host.StoreAsync(ct)).Issues.ListAsync(ct)).Where(i => i.Status == IssueStatus.Published).ToList();
        return SiteBuilder.Build(issues, host.Options.Publish.Site() with { SuggestCorrections = host.Options.Publish.SuggestCorrections }, host.Options.Publish.ArchiveDir);
    }
}
