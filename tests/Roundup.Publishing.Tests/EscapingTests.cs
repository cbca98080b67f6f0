using System.Xml;
using System.Xml.Linq;
using Roundup.Calendar;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Publishing.Archive;
using Roundup.Publishing.Email;
using Roundup.Publishing.Feeds;
using Roundup.Publishing.Markdown;
using Roundup.Testing;

namespace Roundup.Publishing.Tests;

public sealed class EscapingTests
{
    private static readonly EmailPersonalisation Reader = new("Grace", new Uri("https://example.org/roundup/u/abc"));

    [Fact]
    public void No_output_but_plain_text_contains_raw_markup_from_a_paper()
    {
        var issue = SampleIssues.Week26Corrected();
        var markdown = IssueMarkdown.Render(issue, SampleIssues.Site);
        Assert.All(Enumerable.Range(0, markdown.Length).Where(i => markdown[i] == '<'), i => Assert.Equal('\\', markdown[i - 1]));
        var outputs = new Dictionary<string, string>
        {
            ["email html"] = IssueEmail.Render(issue, SampleIssues.Site, Reader).Html,
            ["atom"] = IssueFeeds.Atom([issue], SampleIssues.Site),
            ["rss"] = IssueFeeds.Rss([issue], SampleIssues.Site),
            ["json feed"] = IssueFeeds.JsonFeed([issue], SampleIssues.Site),
        };
        using var dir = new TempDirectory();
        foreach (var path in SiteBuilder.Build([issue], SampleIssues.Site, dir.Path))
        {
            outputs["site " + path] = File.ReadAllText(dir.File(path));
        }

        foreach (var (name, text) in outputs)
        {
            Assert.False(text.Contains("<script>", StringComparison.OrdinalIgnoreCase), $"{name} contains a raw <script>");
            Assert.False(text.Contains("<img", StringComparison.OrdinalIgnoreCase), $"{name} contains a raw <img");
            Assert.False(text.Contains('\u0001', StringComparison.Ordinal), $"{name} contains a control character");
        }
    }

    [Fact]
    public void Html_outputs_keep_the_hostile_paper_as_text()
    {
        var issue = SampleIssues.Week26Corrected();
        HtmlDoc.AssertHostileStaysText(HtmlDoc.Parse(IssueEmail.Render(issue, SampleIssues.Site, Reader).Html));
        HtmlDoc.AssertHostileStaysText(HtmlDoc.Parse(HtmlDoc.FragmentOf(issue)));

        using var dir = new TempDirectory();
        SiteBuilder.Build([issue], SampleIssues.Site, dir.Path);
        HtmlDoc.AssertHostileStaysText(HtmlDoc.Parse(File.ReadAllText(dir.File("issues/2025-W26.html"))));
        HtmlDoc.AssertHostileStaysText(HtmlDoc.Parse(File.ReadAllText(dir.File("tags/cs.cr.html"))), titleExpected: true);
    }

    [Fact]
    public void Cdata_terminator_and_quotes_in_a_title_do_not_break_the_feeds()
    {
        var issue = SampleIssues.Week26Corrected() with { Title = "Week of ]]> and <![CDATA[ \"quoted\" & 'single' \u0002" };
        foreach (var xml in new[] { IssueFeeds.Atom([issue], SampleIssues.Site), IssueFeeds.Rss([issue], SampleIssues.Site) })
        {
            var doc = XDocument.Parse(xml);
            var title = doc.Descendants().First(e => e.Name.LocalName is "entry" or "item").Elements().First(e => e.Name.LocalName == "title").Value;
            Assert.Equal("2025-W26: Week of ]]> and <![CDATA[ \"quoted\" & 'single'", title);

            var content = doc.Descendants().First(e => e.Name.LocalName is "content" or "description" && e.Parent!.Name.LocalName is "entry" or "item").Value;
            HtmlDoc.AssertHostileStaysText(HtmlDoc.Parse(content));
        }
    }

    [Fact]
    public void Markdown_escapes_markup_so_the_title_reads_back_as_text()
    {
        var md = IssueMarkdown.Render(SampleIssues.Week26(), SampleIssues.Site);
        Assert.Contains(@"[\<script\>alert(1)\</script\> \]\]\> \& ""quotes""](https://arxiv.org/abs/2506.02468)", md, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:alert(4)", md, StringComparison.Ordinal);
        Assert.Contains(@"\[a link\](javascript:alert(3))", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_escapes_block_markers_at_a_paragraph_start()
    {
        var issue = SampleIssues.Week26() with { Intro = "- not a list\n\n1. not a numbered list\n\n# not a heading\n\n> not a quote" };
        var md = IssueMarkdown.Render(issue, SampleIssues.Site);
        Assert.Contains("\n\\- not a list\n", md, StringComparison.Ordinal);
        Assert.Contains("\n1\\. not a numbered list\n", md, StringComparison.Ordinal);
        Assert.Contains("\n\\# not a heading\n", md, StringComparison.Ordinal);
        Assert.Contains("\n\\> not a quote\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Subject_never_contains_CR_or_LF()
    {
        var site = new SiteOptions("Round\r\nup", new Uri("https://example.org/roundup/"), "Ada", "d");
        var issue = SampleIssues.Week26() with { Title = "Line one\r\nBcc: someone@example.org\nX-Injected: 1\u2028\u0085end" };
        var email = IssueEmail.Render(issue, site, Reader);
        Assert.DoesNotContain('\r', email.Subject);
        Assert.DoesNotContain('\n', email.Subject);
        Assert.DoesNotContain('\u2028', email.Subject);
        Assert.DoesNotContain('\u0085', email.Subject);
        Assert.Equal("Round up 2025-W26: Line one Bcc: someone@example.org X-Injected: 1 end", email.Subject);
    }

    [Fact]
    public void A_hostile_subscriber_name_is_encoded_and_cannot_add_lines()
    {
        var email = IssueEmail.Render(SampleIssues.Week26(), SampleIssues.Site,
            new EmailPersonalisation("<b>Eve</b>\r\nUnsubscribe: https://evil.example/", new Uri("https://example.org/roundup/u/abc")));
        Assert.Contains("Hi &lt;b&gt;Eve&lt;/b&gt; Unsubscribe: https://evil.example/,", email.Html, StringComparison.Ordinal);
        Assert.Empty(HtmlDoc.Parse(email.Html).QuerySelectorAll("b"));
        Assert.Single(email.Text.Split('\n'), l => l.StartsWith("Unsubscribe:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_paper_cannot_forge_the_personal_slots()
    {
        var issue = SampleIssues.Week26() with { Title = "Forged \u0001unsubscribe\u0001 and \u0001greeting\u0001 slots" };
        var email = IssueEmail.Render(issue, SampleIssues.Site, Reader);
        Assert.Single(email.Text.Split('\n'), l => l.Contains(Reader.UnsubscribeUrl.AbsoluteUri, StringComparison.Ordinal));
        Assert.Single(email.Text.Split('\n'), l => l.Contains("Hi Grace,", StringComparison.Ordinal));
        Assert.Contains("FORGED UNSUBSCRIBE AND GREETING SLOTS", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_http_code_links_are_dropped_everywhere()
    {
        var issue = SampleIssues.Week26();
        Assert.DoesNotContain("javascript:alert(4)", IssueEmail.Render(issue, SampleIssues.Site, Reader).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:alert(4)", IssueEmail.Render(issue, SampleIssues.Site, Reader).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:alert(4)", IssueFeeds.Atom([issue], SampleIssues.Site), StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_outputs_parse_with_a_strict_reader()
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CheckCharacters = true };
        foreach (var xml in new[]
        {
            IssueFeeds.Atom(SampleIssues.Archive(), SampleIssues.Site),
            IssueFeeds.Rss(SampleIssues.Archive(), SampleIssues.Site),
            FunnelFigure.Svg(SampleIssues.Funnel),
        })
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read())
            {
            }
        }
    }

    [Fact]
    public void An_old_scheme_id_gets_a_safe_anchor()
    {
        var issue = SampleIssues.Week26() with
        {
            Week = new IssueWeek(2025, 26),
            Sections = [new IssueSection("Old", [SampleIssues.Week26().Entries.First() with { Id = ArxivId.Parse("hep-th/9901001") }])],
        };
        var html = IssueEmail.Render(issue, SampleIssues.Site, Reader).Html;
        Assert.Contains("issues/2025-W26.html#p-hep-th-9901001", html, StringComparison.Ordinal);
    }
}
