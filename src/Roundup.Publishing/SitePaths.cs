using Roundup.Calendar;

namespace Roundup.Publishing;

/// <summary>Where each file of the web archive lives, relative to the site's root; feeds and e-mails link to the same places.</summary>
public static class SitePaths
{
    public const string Index = "index.html";
    public const string Search = "search.html";
    public const string SearchScript = "search.js";
    public const string Stylesheet = "site.css";
    public const string Atom = "atom.xml";
    public const string Rss = "rss.xml";
    public const string JsonFeed = "feed.json";

    /// <summary>Where the archive's "suggest a correction" forms post (served by <c>roundup serve</c>, not a file).</summary>
    public const string Corrections = "corrections";

    /// <summary>The list of files the last build wrote, so the next build removes the ones it no longer writes.</summary>
    public const string Manifest = ".roundup-site";

    public static string IssuePage(IssueWeek week) => $"issues/{week}.html";

    public static string FunnelFigure(IssueWeek week) => $"issues/{week}-funnel.svg";

    public static string TagPage(Tag tag) => $"tags/{tag.Slug}.html";
}
