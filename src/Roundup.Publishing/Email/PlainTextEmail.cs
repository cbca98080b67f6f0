using System.Text;
using Roundup.Publishing.Text;
using Roundup.Publishing.Views;

namespace Roundup.Publishing.Email;

/// <summary>The plain-text alternative: the same content and links as the HTML part, wrapped at 72 columns.</summary>
internal static class PlainTextEmail
{
    private const int Width = 72;

    public static string Render(IssueView issue, SiteView site)
    {
        var text = new StringBuilder();
        text.Append(site.Title).Append(" · ").Append(issue.Week).Append(" · ").Append(issue.Date).Append('\n');
        TextWrap.AppendWrapped(text, issue.Title.ToUpperInvariant(), Width);
        text.Append('\n').Append(Splice.GreetingMarker).Append("\n\n");
        foreach (var p in issue.Intro)
        {
            TextWrap.AppendWrapped(text, p, Width);
            text.Append('\n');
        }

        if (issue.FunnelSummary.Length > 0)
        {
            TextWrap.AppendWrapped(text, $"This week's funnel: {issue.FunnelSummary} papers.", Width);
            text.Append('\n');
        }

        if (issue.Corrections.Count > 0)
        {
            text.Append("CORRECTIONS\n");
            foreach (var c in issue.Corrections)
            {
                var about = c.About is null ? "" : $" (about {c.About}: {c.AboutUrl})";
                TextWrap.AppendWrapped(text, $"{c.Date}: {c.Text}{about}", Width, "  ", "- ");
            }

            text.Append('\n');
        }

        foreach (var section in issue.Sections)
        {
            var heading = section.Topic.ToUpperInvariant();
            text.Append(heading).Append('\n').Append(new string('=', Math.Min(heading.Length, Width))).Append("\n\n");
            foreach (var entry in section.Entries)
            {
                AppendEntry(text, entry);
            }
        }

        text.Append("--\n");
        if (site.Curator.Length > 0)
        {
            text.Append("Curated by ").Append(site.Curator).Append(".\n");
        }

        text.Append("Read this issue on the web: ").Append(issue.WebUrl).Append('\n');
        text.Append("Archive: ").Append(site.BaseUrl).Append('\n');
        text.Append("You receive this because you subscribed to ").Append(site.Title).Append(".\n");
        text.Append("Unsubscribe: ").Append(Splice.UnsubscribeMarker).Append('\n');
        return text.ToString();
    }

    private static void AppendEntry(StringBuilder text, EntryView entry)
    {
        const string Indent = "    ";
        TextWrap.AppendWrapped(text, entry.Title, Width, Indent, $"{entry.Number,2}. ");
        if (entry.Authors.Length > 0)
        {
            TextWrap.AppendWrapped(text, entry.Authors, Width, Indent, Indent);
        }

        text.Append('\n');
        if (entry.Tldr.Length > 0)
        {
            TextWrap.AppendWrapped(text, "TL;DR: " + entry.Tldr, Width, Indent, Indent);
            text.Append('\n');
        }

        foreach (var p in entry.Summary)
        {
            TextWrap.AppendWrapped(text, p, Width, Indent, Indent);
            text.Append('\n');
        }

        if (entry.Commentary.Length > 0)
        {
            TextWrap.AppendWrapped(text, "Commentary: " + entry.Commentary, Width, Indent, Indent);
            text.Append('\n');
        }

        foreach (var c in entry.Corrections)
        {
            TextWrap.AppendWrapped(text, $"Correction, {c.Date}: {c.Text}", Width, Indent, Indent);
            text.Append('\n');
        }

        if (entry.Automatic)
        {
            text.Append(Indent).Append("(written automatically)\n");
        }

        text.Append(Indent).Append("arXiv: ").Append(entry.AbsUrl).Append('\n');
        text.Append(Indent).Append("PDF:   ").Append(entry.PdfUrl).Append('\n');
        if (entry.CodeUrl is not null)
        {
            text.Append(Indent).Append("Code:  ").Append(entry.CodeUrl).Append('\n');
        }

        text.Append(Indent).Append("Web:   ").Append(entry.WebUrl).Append("\n\n");
    }
}
