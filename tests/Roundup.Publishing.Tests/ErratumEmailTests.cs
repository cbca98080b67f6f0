using Roundup.Issues;
using Roundup.Papers;
using Roundup.Publishing.Email;

namespace Roundup.Publishing.Tests;

/// <summary>The erratum mailing's message: one correction, the paper it concerns, the issue, the personal unsubscribe link.</summary>
public sealed class ErratumEmailTests
{
    private static readonly EmailPersonalisation Reader = new("Grace", new Uri("https://example.org/roundup/unsubscribe?token=abc123"));

    [Fact]
    public void Erratum_html_text_and_subject_match_their_golden_files()
    {
        var email = ErratumEmail.Prepare(SampleIssues.Week26Corrected(), 1, SampleIssues.Site).ForSubscriber(Reader);
        Golden.Match("2025-W26.erratum-1.html", email.Html);
        Golden.Match("2025-W26.erratum-1.txt", email.Text);
        Golden.Match("2025-W26.erratum-1.subject.txt", email.Subject + "\n");
    }

    [Fact]
    public void It_links_the_paper_to_its_anchor_on_the_issue_page_and_carries_the_unsubscribe_link_in_both_parts()
    {
        var issue = SampleIssues.Week26Corrected();
        var entry = issue.Entries.First(e => e.Id.Canonical == "2506.01234");
        var anchorUrl = "https://example.org/roundup/issues/2025-W26.html#" + entry.Anchor;
        var email = ErratumEmail.Prepare(issue, 1, SampleIssues.Site).ForSubscriber(Reader);
        var doc = HtmlDoc.Parse(email.Html);

        Assert.Equal("Correction: Checking your own work, and small models that plan", email.Subject);
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.GetAttribute("href") == anchorUrl && a.TextContent == entry.Title);
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://example.org/roundup/issues/2025-W26.html");
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.GetAttribute("href") == Reader.UnsubscribeUrl.AbsoluteUri && a.TextContent == "Unsubscribe");
        Assert.Contains("The gain on MATH is 3.6 points, not 6.3.", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hi Grace,", doc.Body.TextContent, StringComparison.Ordinal);
        Assert.All(doc.QuerySelectorAll("p, h1"), e => Assert.False(string.IsNullOrEmpty(e.GetAttribute("style")), $"<{e.LocalName}> has no inline style"));
        Assert.Empty(doc.QuerySelectorAll("link[rel=stylesheet], script, img"));

        Assert.Contains("The gain on MATH is 3.6 points, not 6.3.", email.Text, StringComparison.Ordinal);
        Assert.Contains("The entry: " + anchorUrl + "\n", email.Text, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe: " + Reader.UnsubscribeUrl.AbsoluteUri + "\n", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correction_of_the_whole_issue_names_no_paper_and_a_number_out_of_range_is_refused()
    {
        var issue = SampleIssues.Week26Corrected() with
        {
            Corrections = [.. SampleIssues.Week26Corrected().Corrections, new Correction(null, "The intro misnamed a benchmark.", SampleIssues.CorrectedAt.AddDays(1), Email: true)],
        };
        var email = ErratumEmail.Prepare(issue, 2, SampleIssues.Site).ForSubscriber(Reader);
        Assert.Contains("The intro misnamed a benchmark.", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("3.6 points", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("The entry:", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("#p-", email.Html, StringComparison.Ordinal);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ErratumEmail.Prepare(issue, 3, SampleIssues.Site));
        Assert.Contains("has 2 correction(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Curator_and_paper_text_is_escaped_and_cannot_break_the_subject()
    {
        var hostileId = ArxivId.Parse("2506.02468");
        var issue = SampleIssues.Week26() with
        {
            Title = "Line one\r\nBcc: all@example.org <b>x</b>",
            Corrections = [new Correction(hostileId, "<script>alert('erratum')</script> & \"more\"\r\n<img src=x onerror=alert(5)>", SampleIssues.CorrectedAt, Email: true)],
        };
        var email = ErratumEmail.Prepare(issue, 1, SampleIssues.Site).ForSubscriber(Reader);
        var doc = HtmlDoc.Parse(email.Html);

        Assert.DoesNotContain('\r', email.Subject);
        Assert.DoesNotContain('\n', email.Subject);
        Assert.Empty(doc.QuerySelectorAll("script, img, b"));
        Assert.Contains("<script>alert('erratum')</script> & \"more\"", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(SampleIssues.HostileTitle, doc.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", email.Html, StringComparison.Ordinal);
        Assert.Contains("<script>alert('erratum')</script>", email.Text, StringComparison.Ordinal);
    }
}
