using System.Text;
using Roundup.Issues;
using Roundup.Publishing.Feeds;
using Roundup.Publishing.Html;
using Roundup.Publishing.Templates;
using Roundup.Publishing.Views;

namespace Roundup.Publishing.Archive;

/// <summary>
/// Writes the static web archive: index.html, one page per issue (issues/2025-W26.html, each entry with its anchor,
/// and the funnel figure inline and as issues/2025-W26-funnel.svg), tag pages per topic and arXiv category,
/// search.html with its index and search.js, site.css, and the three feeds. Drafts are left out. The same issues give
/// the same bytes: everything is ordered by week, issue order and ordinal names, never by the file system.
/// Files it wrote before and no longer writes (a tag that disappeared) are left in place.
/// </summary>
public static class SiteBuilder
{
    private const string Up = "../";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Builds the site into <paramref name="outDir"/> and returns the paths it wrote, relative to it, in order.</summary>
    public static IReadOnlyList<string> Build(IReadOnlyList<Issue> issues, SiteOptions site, string outDir)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (string.IsNullOrWhiteSpace(outDir))
        {
            throw new ArgumentException("SiteBuilder.Build: the output folder is required", nameof(outDir));
        }

        var shown = FeedIssues.Public(issues);
        var siteView = IssueViews.Site(site);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [SitePaths.Stylesheet] = HtmlTemplates.Resource("site.css"),
            [SitePaths.SearchScript] = HtmlTemplates.Resource("search.js"),
            [SitePaths.Atom] = IssueFeeds.Atom(shown, site),
            [SitePaths.Rss] = IssueFeeds.Rss(shown, site),
            [SitePaths.JsonFeed] = IssueFeeds.JsonFeed(shown, site),
        };

        var summaries = shown.Select(i => Summary(i, "")).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            var issue = shown[i];
            files[SitePaths.FunnelFigure(issue.Week)] = FunnelFigure.Svg(issue.Funnel) + "\n";
            files[SitePaths.IssuePage(issue.Week)] = IssuePage(issue, site, siteView, i > 0 ? shown[i - 1] : null, i + 1 < shown.Count ? shown[i + 1] : null);
        }

        var tags = TagPages(shown);
        foreach (var (archiveTag, entries) in tags)
        {
            var tag = archiveTag.Tag;
            var body = HtmlTemplates.Render("tag.liquid", new Dictionary<string, object?>
            {
                ["site"] = siteView,
                ["tag"] = new TagPageView(tag.Label, entries),
            });
            files[SitePaths.TagPage(tag)] = Page(site, siteView, Up, SitePaths.TagPage(tag), $"{tag.Label} · {siteView.Title}", body);
        }

        var index = HtmlTemplates.Render("index.liquid", new Dictionary<string, object?>
        {
            ["site"] = siteView,
            ["issues"] = summaries,
            ["topics"] = TagCounts(tags, t => t.IsTopic),
            ["categories"] = TagCounts(tags, t => !t.IsTopic),
        });
        files[SitePaths.Index] = Page(site, siteView, "", SitePaths.Index, siteView.Title, index);

        var rootViews = shown.Select(i => IssueViews.Build(i, "")).ToList();
        var search = HtmlTemplates.Render("search.liquid", new Dictionary<string, object?>
        {
            ["site"] = siteView,
            ["count"] = rootViews.Sum(v => v.PickCount),
            ["index"] = HtmlTemplates.Trusted(SearchIndex.Json(rootViews)),
        });
        files[SitePaths.Search] = Page(site, siteView, "", SitePaths.Search, $"Search · {siteView.Title}", search, SitePaths.SearchScript);

        Directory.CreateDirectory(outDir);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(outDir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content, Utf8);
        }

        RemoveStalePages(outDir, files.Keys);
        File.WriteAllText(Path.Combine(outDir, SitePaths.Manifest), string.Join('\n', files.Keys) + "\n", Utf8);
        return [.. files.Keys];
    }

    /// <summary>
    /// One issue's archive page as <see cref="Build"/> writes it (issues/2025-W26.html), whatever the issue's status:
    /// the desk previews a draft with it. Its links are relative to the archive (the stylesheet is <c>../site.css</c>).
    /// </summary>
    public static string IssuePage(Issue issue, SiteOptions site) => IssuePage(issue, site, IssueViews.Site(site), null, null);

    /// <summary>The archive's stylesheet (site.css).</summary>
    public static string Stylesheet => HtmlTemplates.Resource("site.css");

    private static string IssuePage(Issue issue, SiteOptions site, SiteView siteView, Issue? newer, Issue? older)
    {
        var view = IssueViews.Build(issue, Up) with { SuggestUrl = site.SuggestCorrections ? Up + SitePaths.Corrections : null };
        var body = HtmlTemplates.Render("issue-page.liquid", new Dictionary<string, object?>
        {
            ["site"] = siteView,
            ["issue"] = view,
            ["body"] = HtmlTemplates.Trusted(IssueHtml.Fragment(view).TrimEnd('\n')),
            ["figure"] = HtmlTemplates.Trusted(FunnelFigure.Svg(issue.Funnel)),
            ["figure_url"] = Up + SitePaths.FunnelFigure(issue.Week),
            ["newer"] = newer is null ? null : Summary(newer, Up),
            ["older"] = older is null ? null : Summary(older, Up),
        });
        return Page(site, siteView, Up, SitePaths.IssuePage(issue.Week), $"{view.Week}: {view.Title} · {siteView.Title}", body);
    }

    /// <summary>
    /// Deletes what the previous build wrote and this one did not (a tag no longer used, an issue no longer public).
    /// Only paths in the previous manifest that resolve inside <paramref name="outDir"/> are touched, so files
    /// someone else put there (a CNAME, a robots.txt) stay.
    /// </summary>
    private static void RemoveStalePages(string outDir, IEnumerable<string> written)
    {
        var manifest = Path.Combine(outDir, SitePaths.Manifest);
        if (!File.Exists(manifest))
        {
            return;
        }

        var root = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var keep = new HashSet<string>(written, StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(manifest).Select(l => l.Trim()).Where(l => l.Length > 0 && !keep.Contains(l)))
        {
            var full = Path.GetFullPath(Path.Combine(outDir, line));
            if (full.StartsWith(root, StringComparison.Ordinal) && File.Exists(full))
            {
                File.Delete(full);
            }
        }
    }

    private static string Page(SiteOptions site, SiteView siteView, string root, string path, string title, string body, string script = "") =>
        HtmlTemplates.Render("layout.liquid", new Dictionary<string, object?>
        {
            ["site"] = siteView,
            ["root"] = root,
            ["page_title"] = title,
            ["canonical"] = site.Url(path).AbsoluteUri,
            ["content"] = HtmlTemplates.Trusted(body.TrimEnd('\n')),
            ["script"] = script,
        });

    private static IssueSummaryView Summary(Issue issue, string root)
    {
        var view = IssueViews.Build(issue, root);
        return new IssueSummaryView(view.Week, view.Title, view.WebUrl, view.Date, view.IsoDate, view.PickCount,
            view.Intro.Count > 0 ? view.Intro[0] : "", view.Corrections.Count, view.FunnelSummary);
    }

    /// <summary>Every tag with its entries, newest issue first and in issue order within one; tags sorted by label.</summary>
    private static List<(ArchiveTag Tag, IReadOnlyList<TaggedEntryView> Entries)> TagPages(IReadOnlyList<Issue> shown)
    {
        var bySlug = new Dictionary<string, (ArchiveTag Tag, List<TaggedEntryView> Entries, HashSet<string> Seen)>(StringComparer.Ordinal);
        foreach (var issue in shown)
        {
            var view = IssueViews.Build(issue, Up);
            foreach (var section in view.Sections)
            {
                foreach (var entry in section.Entries)
                {
                    var tagged = new TaggedEntryView(view.Week, view.Title, view.WebUrl, entry.Title, entry.WebUrl, entry.Tldr, entry.Authors);
                    Add(Tag.ForTopic(section.Topic), isTopic: true, tagged);
                    foreach (var category in entry.Categories)
                    {
                        Add(Tag.ForCategory(category.Label), isTopic: false, tagged);
                    }
                }
            }
        }

        return bySlug.Values
            .OrderBy(t => t.Tag.Label, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Tag.Tag.Slug, StringComparer.Ordinal)
            .Select(t => (t.Tag, (IReadOnlyList<TaggedEntryView>)t.Entries))
            .ToList();

        void Add(Tag tag, bool isTopic, TaggedEntryView entry)
        {
            if (!bySlug.TryGetValue(tag.Slug, out var page))
            {
                page = (new ArchiveTag(tag, isTopic), [], new HashSet<string>(StringComparer.Ordinal));
                bySlug[tag.Slug] = page;
            }

            // Labels that share a slug (the topic "HEP TH" and the category hep-th) share a page, named by the first seen.
            if (page.Seen.Add(entry.Url))
            {
                page.Entries.Add(entry);
            }
        }
    }

    private static List<TagCountView> TagCounts(List<(ArchiveTag Tag, IReadOnlyList<TaggedEntryView> Entries)> tags, Func<ArchiveTag, bool> which) =>
        tags.Where(t => which(t.Tag)).Select(t => new TagCountView(t.Tag.Label, SitePaths.TagPage(t.Tag.Tag), t.Entries.Count)).ToList();

    private sealed record ArchiveTag(Tag Tag, bool IsTopic)
    {
        public string Label => Tag.Label;
    }
}
