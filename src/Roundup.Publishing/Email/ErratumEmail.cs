using System.Text;
using Roundup.Issues;
using Roundup.Publishing.Templates;
using Roundup.Publishing.Text;
using Roundup.Publishing.Views;

namespace Roundup.Publishing.Email;

/// <summary>
/// One correction to an issue as an e-mail of its own, for those who were sent the issue before it was corrected:
/// the correction, the paper it concerns linked to its entry on the archive page, and a link to the issue. Laid
/// out like <see cref="IssueEmail"/> (inline styles, plain-text alternative) and personalised the same way.
/// </summary>
public static class ErratumEmail
{
    private const int Width = 72;

    /// <summary>Renders the issue's <paramref name="correction"/>-th correction (1-based) once; call <see cref="PreparedEmail.ForSubscriber"/> per subscriber.</summary>
    public static PreparedEmail Prepare(Issue issue, int correction, SiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(site);
        if (correction < 1 || correction > issue.Corrections.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(correction), correction, $"the {issue.Week} issue has {issue.Corrections.Count} correction(s); they are numbered from 1");
        }

        var view = IssueViews.Build(issue, site.BaseUrl.AbsoluteUri);
        var siteView = IssueViews.Site(site);
        var shown = view.Corrections[correction - 1];
        var html = HtmlTemplates.Render("erratum.liquid", new Dictionary<string, object?>
        {
            ["site"] = siteView,
            ["issue"] = view,
            ["correction"] = shown,
            ["greeting"] = HtmlTemplates.Trusted(Splice.GreetingMarker),
            ["unsubscribe_url"] = HtmlTemplates.Trusted(Splice.UnsubscribeMarker),
        });
        // CleanText.Inline has already turned CR, LF and every other control character of the title into spaces.
        return new PreparedEmail($"Correction: {view.Title}", Splice.Cut(html, "HTML"), Splice.Cut(PlainText(view, siteView, shown), "plain-text"));
    }

    private static string PlainText(IssueView issue, SiteView site, CorrectionView correction)
    {
        var text = new StringBuilder();
        text.Append(site.Title).Append(" · ").Append(issue.Week).Append(" · correction of ").Append(correction.Date).Append('\n');
        TextWrap.AppendWrapped(text, ("Correction: " + issue.Title).ToUpperInvariant(), Width);
        text.Append('\n').Append(Splice.GreetingMarker).Append("\n\n");
        var about = correction.About is null ? "" : $", in its entry on \"{correction.About}\"";
        TextWrap.AppendWrapped(text, $"We have corrected the {issue.Week} issue of {issue.Date}{about}.", Width);
        text.Append('\n');
        TextWrap.AppendWrapped(text, $"Correction, {correction.Date}: {correction.Text}", Width, "    ", "    ");
        text.Append('\n');
        if (correction.AboutUrl is not null)
        {
            text.Append("The entry: ").Append(correction.AboutUrl).Append("\n\n");
        }

        text.Append("--\n");
        if (site.Curator.Length > 0)
        {
            text.Append("Curated by ").Append(site.Curator).Append(".\n");
        }

        text.Append("The ").Append(issue.Week).Append(" issue: ").Append(issue.WebUrl).Append('\n');
        text.Append("Archive: ").Append(site.BaseUrl).Append('\n');
        text.Append("You receive this because you subscribed to ").Append(site.Title).Append(" and were sent the ").Append(issue.Week).Append(" issue.\n");
        text.Append("Unsubscribe: ").Append(Splice.UnsubscribeMarker).Append('\n');
        return text.ToString();
    }
}
