using Roundup.Issues;
using Roundup.Publishing.Templates;
using Roundup.Publishing.Views;

namespace Roundup.Publishing.Html;

/// <summary>The issue's content as an HTML fragment (no page around it), as feeds carry it and archive pages embed it.</summary>
public static class IssueHtml
{
    /// <summary>The fragment with absolute links, for feed readers.</summary>
    public static string Fragment(Issue issue, SiteOptions site) => Fragment(IssueViews.Build(issue, site.BaseUrl.AbsoluteUri));

    internal static string Fragment(IssueView view) =>
        HtmlTemplates.Render("issue-body.liquid", new Dictionary<string, object?> { ["issue"] = view });
}
