using System.Text;
using Roundup.Issues;
using Roundup.Publishing.Views;

namespace Roundup.Publishing.Markdown;

/// <summary>The issue as CommonMark, e.g. for a repository, a blog or a newsletter service that takes Markdown.</summary>
public static class IssueMarkdown
{
    public static string Render(Issue issue, SiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(site);
        var view = IssueViews.Build(issue, site.BaseUrl.AbsoluteUri);
        var siteView = IssueViews.Site(site);
        var md = new StringBuilder();

        md.Append("# ").Append(MarkdownText.Escape(view.Title)).Append("\n\n");
        md.Append('*').Append(MarkdownText.Escape(siteView.Title)).Append(" · ").Append(view.Week).Append(" · ").Append(view.Date);
        if (siteView.Curator.Length > 0)
        {
            md.Append(" · curated by ").Append(MarkdownText.Escape(siteView.Curator));
        }

        md.Append("*  \n").Append(MarkdownText.Link("Read on the web", view.WebUrl)).Append("\n\n");

        if (view.Corrections.Count > 0)
        {
            md.Append("> **Corrections**\n>\n");
            foreach (var c in view.Corrections)
            {
                md.Append("> - ").Append(c.Date).Append(": ").Append(MarkdownText.Escape(c.Text));
                if (c.About is not null && c.AboutUrl is not null)
                {
                    md.Append(" (about ").Append(MarkdownText.Link(c.About, c.AboutUrl)).Append(')');
                }

                md.Append('\n');
            }

            md.Append('\n');
        }

        foreach (var p in view.Intro)
        {
            md.Append(MarkdownText.Paragraph(p)).Append("\n\n");
        }

        if (view.FunnelSummary.Length > 0)
        {
            md.Append("This week's funnel: ").Append(view.FunnelSummary).Append(" papers.\n\n");
        }

        foreach (var section in view.Sections)
        {
            md.Append("## ").Append(MarkdownText.Escape(section.Topic)).Append("\n\n");
            foreach (var entry in section.Entries)
            {
                AppendEntry(md, entry);
            }
        }

        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static void AppendEntry(StringBuilder md, EntryView entry)
    {
        md.Append("### ").Append(MarkdownText.Link(entry.Title, entry.AbsUrl)).Append("\n\n");
        if (entry.Authors.Length > 0)
        {
            md.Append(MarkdownText.Escape(entry.Authors)).Append(" · ");
        }

        md.Append(MarkdownText.Link("arXiv:" + entry.Id, entry.AbsUrl)).Append(" · ").Append(MarkdownText.Link("PDF", entry.PdfUrl));
        if (entry.CodeUrl is not null)
        {
            md.Append(" · ").Append(MarkdownText.Link("Code", entry.CodeUrl));
        }

        if (entry.Categories.Count > 0)
        {
            md.Append(" · ").Append(MarkdownText.Escape(string.Join(", ", entry.Categories.Select(c => c.Label))));
        }

        md.Append("\n\n");
        if (entry.Tldr.Length > 0)
        {
            md.Append("**TL;DR:** ").Append(MarkdownText.Escape(entry.Tldr)).Append("\n\n");
        }

        foreach (var p in entry.Summary)
        {
            md.Append(MarkdownText.Paragraph(p)).Append("\n\n");
        }

        if (entry.Commentary.Length > 0)
        {
            md.Append("**Commentary:** ").Append(MarkdownText.Escape(entry.Commentary)).Append("\n\n");
        }

        foreach (var c in entry.Corrections)
        {
            md.Append("**Correction, ").Append(c.Date).Append(":** ").Append(MarkdownText.Escape(c.Text)).Append("\n\n");
        }

        if (entry.Automatic)
        {
            md.Append("*Written automatically.*\n\n");
        }
    }
}
