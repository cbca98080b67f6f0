using System.Text;
using Roundup.Calendar;
using Roundup.Cli.Hosting;
using Roundup.Issues;
using Roundup.Publishing;
using Roundup.Publishing.Archive;
using Roundup.Publishing.Email;
using Roundup.Publishing.Feeds;
using Roundup.Publishing.Markdown;

namespace Roundup.Cli.Commands;

/// <summary>What the issue verbs share: finding a week's issue, saving a changed one, writing its files.</summary>
public static class IssueFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<Issue> LoadAsync(RoundupHost host, IssueWeek week, CancellationToken ct) =>
        await (await host.StoreAsync(ct)).Issues.GetAsync(week, ct)
        ?? throw new UsageException($"there is no issue for {week} yet: run `roundup write --week {week}` first");

    /// <summary>Saves <paramref name="changed"/> as the next version of <paramref name="current"/>.</summary>
    public static async Task<Issue> SaveAsync(RoundupHost host, Issue current, Issue changed, CancellationToken ct)
    {
        var next = changed with { Version = current.Version + 1 };
        await (await host.StoreAsync(ct)).Issues.SaveAsync(next, ct);
        return next;
    }

    /// <summary>The week <c>--week</c> names, or the same default as <c>run</c> and <c>write</c>: the latest listing's week.</summary>
    public static IssueWeek Week(string? text, RoundupHost host) => Window.ResolveWeek(text, host.Calendar, host.Time);

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
        return SiteBuilder.Build(issues, host.Options.Publish.Site(), host.Options.Publish.ArchiveDir);
    }
}
