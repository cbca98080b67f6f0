using Roundup.Publishing.Email;

namespace Roundup.Publishing.Tests;

public sealed class EmailTests
{
    private static readonly Uri Unsubscribe = new("https://example.org/roundup/unsubscribe?token=t0k%2Ben&list=weekly");

    [Fact]
    public void Html_is_a_640px_table_layout_for_light_and_dark_with_inline_styles()
    {
        var html = IssueEmail.Render(SampleIssues.Week26(), SampleIssues.Site, new("Grace", Unsubscribe)).Html;
        var doc = HtmlDoc.Parse(html);

        Assert.Equal("light dark", doc.QuerySelector("meta[name=color-scheme]")?.GetAttribute("content"));
        Assert.Contains("max-width:640px", doc.QuerySelector("table.rd-card")!.GetAttribute("style"), StringComparison.Ordinal);
        Assert.All(doc.QuerySelectorAll("table"), t => Assert.Equal("presentation", t.GetAttribute("role")));
        Assert.All(doc.QuerySelectorAll("p, h1, h2, h3"), e => Assert.False(string.IsNullOrEmpty(e.GetAttribute("style")), $"<{e.LocalName}> has no inline style"));
        Assert.Empty(doc.QuerySelectorAll("link[rel=stylesheet], script, img"));
        Assert.Equal(6, doc.QuerySelectorAll("h3").Length);
    }

    [Fact]
    public void Both_parts_carry_the_personal_unsubscribe_link_and_every_paper_link()
    {
        var email = IssueEmail.Render(SampleIssues.Week26(), SampleIssues.Site, new("Grace", Unsubscribe));
        var doc = HtmlDoc.Parse(email.Html);

        Assert.Contains(doc.QuerySelectorAll("a"), a => a.GetAttribute("href") == Unsubscribe.AbsoluteUri && a.TextContent == "Unsubscribe");
        Assert.Contains("Unsubscribe: " + Unsubscribe.AbsoluteUri + "\n", email.Text, StringComparison.Ordinal);
        foreach (var entry in SampleIssues.Week26().Entries)
        {
            Assert.Contains(doc.QuerySelectorAll("a"), a => a.GetAttribute("href") == entry.AbsUrl.AbsoluteUri);
            Assert.Contains(entry.AbsUrl.AbsoluteUri, email.Text, StringComparison.Ordinal);
            Assert.Contains(entry.PdfUrl.AbsoluteUri, email.Text, StringComparison.Ordinal);
            Assert.Contains("#" + entry.Anchor, email.Text, StringComparison.Ordinal);
        }

        Assert.Contains("https://github.com/example/sparse-video", email.Text, StringComparison.Ordinal);
        Assert.Contains("https://example.org/roundup/issues/2025-W26.html", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Curator_edits_win_and_automatic_entries_are_marked()
    {
        var email = IssueEmail.Render(SampleIssues.Week26(), SampleIssues.Site, new(null, Unsubscribe));
        Assert.Contains("Small world model + search ≈ big agent", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("A 60M-parameter world model plus tree search", email.Text, StringComparison.Ordinal);
        // Six papers, one edited by the curator: five marks in each part.
        Assert.Equal(5, email.Text.Split("(written automatically)").Length - 1);
        Assert.Equal(5, HtmlDoc.Parse(email.Html).QuerySelectorAll("span[title]").Count(s => s.TextContent == "written automatically"));
    }

    [Theory]
    [InlineData("Checking your own work, and small models that plan")]
    [InlineData("Roundup 2025-W26: Checking your own work, and small models that plan")] // as issues written before were titled
    public void The_subject_names_the_newsletter_and_the_week_once(string title)
    {
        var issue = SampleIssues.Week26Corrected() with { Title = title };

        var subject = IssueEmail.Prepare(issue, SampleIssues.Site).Subject;
        var erratum = ErratumEmail.Prepare(issue, 1, SampleIssues.Site).Subject;
        var feedTitle = Roundup.Publishing.Feeds.IssueFeeds.Rss([issue], SampleIssues.Site);

        Assert.Equal("Roundup 2025-W26: Checking your own work, and small models that plan", subject);
        Assert.Equal("Correction: Checking your own work, and small models that plan", erratum);
        Assert.Contains("<title>2025-W26: Checking your own work, and small models that plan</title>", feedTitle, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Roundup 2025-W26")]
    [InlineData("Why 2025-W27: a look back")]
    [InlineData("Note: Roundup 2025-W26: twice")]
    public void A_title_that_is_not_the_old_name_and_week_prefix_is_kept_whole(string title)
    {
        var subject = IssueEmail.Prepare(SampleIssues.Week26() with { Title = title }, SampleIssues.Site).Subject;

        Assert.Equal("Roundup 2025-W26: " + title, subject);
    }

    [Fact]
    public void Greeting_uses_the_name_or_a_plain_hello()
    {
        var prepared = IssueEmail.Prepare(SampleIssues.Week26(), SampleIssues.Site);
        var named = prepared.ForSubscriber(new("Grace Hopper", Unsubscribe));
        var anonymous = prepared.ForSubscriber(new("  ", Unsubscribe));
        Assert.Contains("\nHi Grace Hopper,\n", named.Text, StringComparison.Ordinal);
        Assert.Contains(">Hi Grace Hopper,<", named.Html, StringComparison.Ordinal);
        Assert.Contains("\nHello,\n", anonymous.Text, StringComparison.Ordinal);
        Assert.Equal(named.Subject, anonymous.Subject);
    }

    [Fact]
    public void Corrections_appear_in_both_parts()
    {
        var email = IssueEmail.Render(SampleIssues.Week26Corrected(), SampleIssues.Site, new(null, Unsubscribe));
        Assert.Contains("The gain on MATH is 3.6 points, not 6.3.", email.Text, StringComparison.Ordinal);
        Assert.Contains("The gain on MATH is 3.6 points, not 6.3.", HtmlDoc.Parse(email.Html).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_unsubscribe_link_is_an_error_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            IssueEmail.Render(SampleIssues.Week26(), SampleIssues.Site, new("Grace", new Uri("/unsubscribe", UriKind.Relative))));
        Assert.Contains("UnsubscribeUrl", error.Message, StringComparison.Ordinal);
    }

    /// <summary>One prepared issue personalised 10,000 times. How fast: bench/README.md, `roundup-bench render-email`.</summary>
    [Fact]
    public void Ten_thousand_personalised_messages_render_from_one_prepared_issue()
    {
        var prepared = IssueEmail.Prepare(SampleIssues.Week26Corrected(), SampleIssues.Site);
        for (var i = 0; i < 10_000; i++)
        {
            var email = prepared.ForSubscriber(new($"Reader {i}", new Uri($"https://example.org/roundup/unsubscribe?token={i}")));
            if (i == 9_999)
            {
                Assert.Contains($"token={i}", email.Html, StringComparison.Ordinal);
                Assert.Contains($"Hi Reader {i},", email.Text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Copies_differ_only_in_their_personal_parts()
    {
        var prepared = IssueEmail.Prepare(SampleIssues.Week26(), SampleIssues.Site);
        var a = prepared.ForSubscriber(new("Qzx Ann", new Uri("https://example.org/u/qzx1")));
        var b = prepared.ForSubscriber(new("Qzx Bob", new Uri("https://example.org/u/qzx2")));
        Assert.NotEqual(a.Html, b.Html);
        Assert.Equal(
            a.Html.Replace("Qzx Ann", "X", StringComparison.Ordinal).Replace("/u/qzx1", "/u/N", StringComparison.Ordinal),
            b.Html.Replace("Qzx Bob", "X", StringComparison.Ordinal).Replace("/u/qzx2", "/u/N", StringComparison.Ordinal));
        Assert.Equal(
            a.Text.Replace("Qzx Ann", "X", StringComparison.Ordinal).Replace("/u/qzx1", "/u/N", StringComparison.Ordinal),
            b.Text.Replace("Qzx Bob", "X", StringComparison.Ordinal).Replace("/u/qzx2", "/u/N", StringComparison.Ordinal));
    }
}
