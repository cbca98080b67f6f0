using Roundup.Issues;
using Roundup.Publishing.Templates;
using Roundup.Publishing.Text;
using Roundup.Publishing.Views;

namespace Roundup.Publishing.Email;

/// <summary>
/// The issue as an e-mail: HTML with inline styles in a 640px table layout that reads in light and dark mode, and a
/// plain-text alternative with the same content and links. Both carry the subscriber's unsubscribe link.
/// </summary>
public static class IssueEmail
{
    private const int PreheaderLength = 140;

    public static RenderedEmail Render(Issue issue, SiteOptions site, EmailPersonalisation personal) =>
        Prepare(issue, site).ForSubscriber(personal);

    /// <summary>Renders the issue once; call <see cref="PreparedEmail.ForSubscriber"/> per subscriber.</summary>
    public static PreparedEmail Prepare(Issue issue, SiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(site);
        var view = IssueViews.Build(issue, site.BaseUrl.AbsoluteUri);
        var siteView = IssueViews.Site(site);
        var html = HtmlTemplates.Render("email.liquid", new Dictionary<string, object?>
        {
            ["site"] = siteView,
            ["issue"] = view,
            ["preheader"] = Preheader(view),
            ["greeting"] = HtmlTemplates.Trusted(Splice.GreetingMarker),
            ["unsubscribe_url"] = HtmlTemplates.Trusted(Splice.UnsubscribeMarker),
        });
        var text = PlainTextEmail.Render(view, siteView);
        return new PreparedEmail(Subject(view, siteView), Splice.Cut(html, "HTML"), Splice.Cut(text, "plain-text"));
    }

    // CleanText.Inline has already turned CR, LF and every other control character into spaces.
    private static string Subject(IssueView issue, SiteView site) => CleanText.Inline($"{site.Title} {issue.Week}: {issue.Title}");

    /// <summary>The line inbox lists show after the subject: the intro's start.</summary>
    private static string Preheader(IssueView issue)
    {
        var intro = issue.Intro.Count > 0 ? issue.Intro[0] : $"{issue.PickCount} papers this week.";
        if (intro.Length <= PreheaderLength)
        {
            return intro;
        }

        var cut = intro.LastIndexOf(' ', PreheaderLength);
        return intro[..(cut > 0 ? cut : PreheaderLength)] + "…";
    }
}
