using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;
using Roundup.Issues;
using Roundup.Publishing.Html;
using Roundup.Publishing.Text;
using Roundup.Publishing.Views;

namespace Roundup.Publishing.Feeds;

/// <summary>
/// The archive as Atom, RSS 2.0 and JSON Feed 1.1: one entry per approved or published issue, newest first, whose
/// content is the issue's HTML. An entry's updated time is <see cref="Issue.Updated"/>, so a correction shows up in
/// readers as a change.
/// </summary>
public static class IssueFeeds
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string Generator = "Roundup";

    public static string Atom(IReadOnlyList<Issue> issues, SiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var shown = FeedIssues.Public(issues);
        var siteView = IssueViews.Site(site);
        return XmlOutput.Write(w =>
        {
            w.WriteStartElement("feed", AtomNs);
            w.WriteAttributeString("xml", "lang", null, site.Language);
            w.WriteElementString("title", AtomNs, siteView.Title);
            if (siteView.Description.Length > 0)
            {
                w.WriteElementString("subtitle", AtomNs, siteView.Description);
            }

            w.WriteElementString("id", AtomNs, site.BaseUrl.AbsoluteUri);
            WriteAtomLink(w, "self", "application/atom+xml", site.Url(SitePaths.Atom).AbsoluteUri);
            WriteAtomLink(w, "alternate", "text/html", site.BaseUrl.AbsoluteUri);
            w.WriteElementString("updated", AtomNs, Dates.Rfc3339(FeedIssues.Updated(shown)));
            if (siteView.Curator.Length > 0)
            {
                w.WriteStartElement("author", AtomNs);
                w.WriteElementString("name", AtomNs, siteView.Curator);
                w.WriteEndElement();
            }

            w.WriteElementString("generator", AtomNs, Generator);
            foreach (var issue in shown)
            {
                var view = IssueViews.Build(issue, site.BaseUrl.AbsoluteUri);
                w.WriteStartElement("entry", AtomNs);
                w.WriteElementString("title", AtomNs, EntryTitle(view));
                w.WriteElementString("id", AtomNs, view.WebUrl);
                WriteAtomLink(w, "alternate", "text/html", view.WebUrl);
                w.WriteElementString("published", AtomNs, view.IsoDate);
                w.WriteElementString("updated", AtomNs, view.IsoUpdated);
                w.WriteStartElement("summary", AtomNs);
                w.WriteAttributeString("type", "text");
                w.WriteString(Summary(view));
                w.WriteEndElement();
                foreach (var section in view.Sections)
                {
                    w.WriteStartElement("category", AtomNs);
                    w.WriteAttributeString("term", section.Topic);
                    w.WriteEndElement();
                }

                w.WriteStartElement("content", AtomNs);
                w.WriteAttributeString("type", "html");
                w.WriteString(IssueHtml.Fragment(view));
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
        });
    }

    public static string Rss(IReadOnlyList<Issue> issues, SiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var shown = FeedIssues.Public(issues);
        var siteView = IssueViews.Site(site);
        return XmlOutput.Write(w =>
        {
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteAttributeString("xmlns", "atom", null, AtomNs);
            w.WriteStartElement("channel");
            w.WriteElementString("title", siteView.Title);
            w.WriteElementString("link", site.BaseUrl.AbsoluteUri);
            w.WriteElementString("description", siteView.Description.Length > 0 ? siteView.Description : siteView.Title);
            w.WriteElementString("language", site.Language);
            w.WriteElementString("lastBuildDate", Dates.Rfc822(FeedIssues.Updated(shown)));
            w.WriteElementString("generator", Generator);
            w.WriteStartElement("link", AtomNs);
            w.WriteAttributeString("href", site.Url(SitePaths.Rss).AbsoluteUri);
            w.WriteAttributeString("rel", "self");
            w.WriteAttributeString("type", "application/rss+xml");
            w.WriteEndElement();
            foreach (var issue in shown)
            {
                var view = IssueViews.Build(issue, site.BaseUrl.AbsoluteUri);
                w.WriteStartElement("item");
                w.WriteElementString("title", EntryTitle(view));
                w.WriteElementString("link", view.WebUrl);
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "true");
                w.WriteString(view.WebUrl);
                w.WriteEndElement();
                w.WriteElementString("pubDate", Dates.Rfc822(IssueViews.PublicationDate(issue)));
                foreach (var section in view.Sections)
                {
                    w.WriteElementString("category", section.Topic);
                }

                w.WriteElementString("description", IssueHtml.Fragment(view));
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        });
    }

    public static string JsonFeed(IReadOnlyList<Issue> issues, SiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var shown = FeedIssues.Public(issues);
        var siteView = IssueViews.Site(site);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("version", "https://jsonfeed.org/version/1.1");
            w.WriteString("title", siteView.Title);
            w.WriteString("home_page_url", site.BaseUrl.AbsoluteUri);
            w.WriteString("feed_url", site.Url(SitePaths.JsonFeed).AbsoluteUri);
            if (siteView.Description.Length > 0)
            {
                w.WriteString("description", siteView.Description);
            }

            w.WriteString("language", site.Language);
            if (siteView.Curator.Length > 0)
            {
                w.WriteStartArray("authors");
                w.WriteStartObject();
                w.WriteString("name", siteView.Curator);
                w.WriteEndObject();
                w.WriteEndArray();
            }

            w.WriteStartArray("items");
            foreach (var issue in shown)
            {
                var view = IssueViews.Build(issue, site.BaseUrl.AbsoluteUri);
                w.WriteStartObject();
                w.WriteString("id", view.WebUrl);
                w.WriteString("url", view.WebUrl);
                w.WriteString("title", EntryTitle(view));
                w.WriteString("summary", Summary(view));
                w.WriteString("content_html", IssueHtml.Fragment(view));
                w.WriteString("date_published", view.IsoDate);
                w.WriteString("date_modified", view.IsoUpdated);
                w.WriteStartArray("tags");
                foreach (var section in view.Sections)
                {
                    w.WriteStringValue(section.Topic);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    // Non-ASCII letters stay readable; markup characters are still escaped (\u003C), so no "<script>" appears.
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private static string EntryTitle(IssueView view) => $"{view.Week}: {view.Title}";

    private static string Summary(IssueView view) =>
        view.Intro.Count > 0 ? view.Intro[0] : $"{view.PickCount} papers this week.";

    private static void WriteAtomLink(XmlWriter w, string rel, string type, string href)
    {
        w.WriteStartElement("link", AtomNs);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }
}
