using System.Text;
using Roundup.FullText.Html;
using Roundup.FullText.Tests.Fixtures;

namespace Roundup.FullText.Tests;

public sealed class HtmlReaderTests
{
    private const string Injection = PdfFixtures.Injection;

    private static string Page(string hidden = "") => $$"""
        <!DOCTYPE html>
        <html><head><title>Paper</title><style>.x{color:red}</style></head>
        <body><div class="ltx_page_main"><article class="ltx_document">
        <h1 class="ltx_title ltx_title_document">Learning to Read<span class="ltx_note ltx_role_thanks">thanks</span></h1>
        <div class="ltx_abstract"><h6 class="ltx_title">Abstract</h6><p class="ltx_p">We read ﬁles.</p></div>
        <section id="S1" class="ltx_section"><h2 class="ltx_title ltx_title_section"><span class="ltx_tag">1 </span>Introduction</h2>
          <div class="ltx_para"><p class="ltx_p">Deep repre-
        sentation is <math alttext="x^2"><mi>x</mi></math> good.</p></div>
          {{hidden}}
          <section id="S1.SS1" class="ltx_subsection"><h3 class="ltx_title"><span class="ltx_tag">1.1 </span>Scope</h3>
            <div class="ltx_para"><p class="ltx_p">Narrow.</p></div></section>
        </section>
        <section id="S2" class="ltx_section"><h2 class="ltx_title"><span class="ltx_tag">2 </span>Experiments</h2>
          <figure class="ltx_table"><figcaption class="ltx_caption">Table 1: Results.</figcaption>
          <table class="ltx_tabular"><tr><td>Model</td><td>Acc</td></tr><tr><td>Ours</td><td>91.5</td></tr></table></figure>
          <div class="ltx_para"><p class="ltx_p">We win.</p></div>
        </section>
        <section class="ltx_appendix"><h2 class="ltx_title">Appendix A Extra</h2><div class="ltx_para"><p>More.</p></div></section>
        <section class="ltx_bibliography"><ul><li class="ltx_bibitem"><span class="ltx_tag">[1]</span><span class="ltx_bibblock">A. Author.</span><span class="ltx_bibblock">A title.</span></li></ul></section>
        </article></div></body></html>
        """;

    [Fact]
    public void LaTeXML_structure_becomes_evidence()
    {
        var evidence = Read(Page());

        Assert.Equal("Learning to Read", evidence.Title);
        Assert.Equal("We read files.", evidence.Abstract);
        Assert.Equal(["1 Introduction", "1.1 Scope", "2 Experiments", "Appendix A Extra"], evidence.Sections.Select(s => s.Heading));
        Assert.Equal([SectionKind.Introduction, SectionKind.Introduction, SectionKind.Experiments, SectionKind.Appendix], evidence.Sections.Select(s => s.Kind));
        Assert.Equal(["Deep representation is $x^2$ good."], evidence.Sections[0].Paragraphs);
        Assert.Equal(["Table 1: Results."], evidence.Captions);
        Assert.Equal([["Model", "Acc"], ["Ours", "91.5"]], Assert.Single(evidence.Tables).Rows.Select(r => r.ToArray()));
        Assert.Equal(["[1] A. Author. A title."], evidence.References);
        Assert.Empty(evidence.HiddenText);
    }

    [Theory]
    [InlineData("<p style=\"display:none\">" + Injection + "</p>", HiddenTextKind.HtmlHiddenStyle)]
    [InlineData("<div class=\"ltx_para\"><span style=\"visibility: hidden\">" + Injection + "</span></div>", HiddenTextKind.HtmlHiddenStyle)]
    [InlineData("<div class=\"ltx_para\"><span style=\"color:#FFFFFF\">" + Injection + "</span></div>", HiddenTextKind.HtmlWhiteText)]
    [InlineData("<div class=\"ltx_para\"><span style=\"color: white\">" + Injection + "</span></div>", HiddenTextKind.HtmlWhiteText)]
    [InlineData("<div class=\"ltx_para\"><span style=\"font-size:0\">" + Injection + "</span></div>", HiddenTextKind.HtmlTinyFont)]
    [InlineData("<div class=\"ltx_para\"><span style=\"font-size:1px\">" + Injection + "</span></div>", HiddenTextKind.HtmlTinyFont)]
    [InlineData("<div class=\"ltx_para\"><span style=\"opacity:0\">" + Injection + "</span></div>", HiddenTextKind.HtmlHiddenStyle)]
    [InlineData("<div class=\"ltx_para\" hidden>" + Injection + "</div>", HiddenTextKind.HtmlHiddenStyle)]
    [InlineData("<style>.note { display: none }</style><div class=\"ltx_para\"><span class=\"note\">" + Injection + "</span></div>", HiddenTextKind.HtmlHiddenStyle)]
    [InlineData("<style>#S1 .ltx_para span.w { color: rgb(255, 255, 255) }</style><div class=\"ltx_para\"><span class=\"w\">" + Injection + "</span></div>", HiddenTextKind.HtmlWhiteText)]
    [InlineData("<style>.tiny{font-size:0.5px}</style><div class=\"ltx_para\"><span class=\"tiny\">" + Injection + "</span></div>", HiddenTextKind.HtmlTinyFont)]
    [InlineData("<div class=\"ltx_para\" style=\"color:transparent\"><p class=\"ltx_p\">" + Injection + "</p></div>", HiddenTextKind.HtmlTransparentText)]
    [InlineData("<div class=\"ltx_para\"><span style=\"color: rgba(0, 0, 0, 0)\">" + Injection + "</span></div>", HiddenTextKind.HtmlTransparentText)]
    [InlineData("<div class=\"ltx_para\"><span style=\"color:#0000\">" + Injection + "</span></div>", HiddenTextKind.HtmlTransparentText)]
    [InlineData("<div class=\"ltx_para\" style=\"background-color:#000\"><span style=\"color:black\">" + Injection + "</span></div>", HiddenTextKind.HtmlTextLikeBackground)]
    [InlineData("<div class=\"ltx_para\" style=\"background:#fafad2\"><span style=\"color:hsl(60, 80%, 90%)\">" + Injection + "</span></div>", HiddenTextKind.HtmlTextLikeBackground)]
    [InlineData("<div class=\"ltx_para\" style=\"color:#123456\"><span style=\"background-color:rgb(18,52,86)\">" + Injection + "</span></div>", HiddenTextKind.HtmlTextLikeBackground)]
    [InlineData("<div class=\"ltx_para\"><span style=\"color:#fefefe\">" + Injection + "</span></div>", HiddenTextKind.HtmlWhiteText)]
    [InlineData("<div class=\"ltx_para\"><span class=\"ltx_text\" style=\"--ltx-fg-color:#FFFFFF;\">" + Injection + "</span></div>", HiddenTextKind.HtmlWhiteText)]
    [InlineData("<div class=\"ltx_para\"><span style=\"--ltx-bg-color:#0000FF;--ltx-fg-color:#0000F0;\">" + Injection + "</span></div>", HiddenTextKind.HtmlTextLikeBackground)]
    [InlineData("<div class=\"ltx_para\"><div style=\"height:0;overflow:hidden\">" + Injection + "</div></div>", HiddenTextKind.HtmlZeroSizeBox)]
    [InlineData("<div class=\"ltx_para\"><div style=\"max-height: 0px; overflow-y: clip\">" + Injection + "</div></div>", HiddenTextKind.HtmlZeroSizeBox)]
    [InlineData("<div class=\"ltx_para\"><div style=\"width:0;overflow:hidden;white-space:nowrap\">" + Injection + "</div></div>", HiddenTextKind.HtmlZeroSizeBox)]
    [InlineData("<div class=\"ltx_para\"><span style=\"clip-path:inset(100%)\">" + Injection + "</span></div>", HiddenTextKind.HtmlClipped)]
    [InlineData("<div class=\"ltx_para\"><span style=\"clip-path: inset(50%)\">" + Injection + "</span></div>", HiddenTextKind.HtmlClipped)]
    [InlineData("<div class=\"ltx_para\"><span style=\"clip-path:circle(0)\">" + Injection + "</span></div>", HiddenTextKind.HtmlClipped)]
    [InlineData("<div class=\"ltx_para\"><span style=\"position:absolute;clip:rect(0 0 0 0)\">" + Injection + "</span></div>", HiddenTextKind.HtmlClipped)]
    [InlineData("<div class=\"ltx_para\"><span style=\"display:inline-block;transform:scale(0)\">" + Injection + "</span></div>", HiddenTextKind.HtmlScaledToZero)]
    [InlineData("<div class=\"ltx_para\"><span style=\"transform: rotate(5deg) scaleY(0.01)\">" + Injection + "</span></div>", HiddenTextKind.HtmlScaledToZero)]
    [InlineData("<div class=\"ltx_para\"><span style=\"transform:matrix(0,0,0,0,0,0)\">" + Injection + "</span></div>", HiddenTextKind.HtmlScaledToZero)]
    [InlineData("<div class=\"ltx_para\"><div style=\"text-indent:-9999px\">" + Injection + "</div></div>", HiddenTextKind.HtmlOffScreen)]
    [InlineData("<div class=\"ltx_para\"><div style=\"position:absolute;left:-10000px\">" + Injection + "</div></div>", HiddenTextKind.HtmlOffScreen)]
    [InlineData("<div class=\"ltx_para\"><div style=\"margin-left:-500em\">" + Injection + "</div></div>", HiddenTextKind.HtmlOffScreen)]
    [InlineData("<div class=\"ltx_para\"><div style=\"transform:translateX(-5000px)\">" + Injection + "</div></div>", HiddenTextKind.HtmlOffScreen)]
    [InlineData("<style>.c{clip-path:inset(100%)}</style><div class=\"ltx_para\"><span class=\"c\">" + Injection + "</span></div>", HiddenTextKind.HtmlClipped)]
    [InlineData("<style>.z{height:0;overflow:hidden}</style><div class=\"ltx_para\"><div class=\"z\">" + Injection + "</div></div>", HiddenTextKind.HtmlZeroSizeBox)]
    [InlineData("<style>.t{color:transparent}</style><div class=\"ltx_para t\"><p class=\"ltx_p\">" + Injection + "</p></div>", HiddenTextKind.HtmlTransparentText)]
    [InlineData("<style>.s{transform:scale(0)}</style><div class=\"ltx_para\"><span class=\"s\">" + Injection + "</span></div>", HiddenTextKind.HtmlScaledToZero)]
    [InlineData("<style>.o{text-indent:-9999px}</style><div class=\"ltx_para\"><div class=\"o\">" + Injection + "</div></div>", HiddenTextKind.HtmlOffScreen)]
    public void Hidden_text_is_reported_and_removed(string hidden, HiddenTextKind kind)
    {
        var evidence = Read(Page(hidden));

        var finding = Assert.Single(evidence.HiddenText);
        Assert.Equal(kind, finding.Kind);
        Assert.Equal(Injection, finding.Text);
        Assert.Contains("section#S1", finding.Location, StringComparison.Ordinal);
        EvidenceAssert.NowhereVisible(evidence, "IGNORE");
    }

    [Fact]
    public void A_style_sheet_rule_that_the_elements_own_style_overrides_hides_nothing()
    {
        var evidence = Read(Page("<style>.note { display: none }</style><div class=\"ltx_para\"><span class=\"note\" style=\"display: inline\">Shown after all.</span></div>"));

        Assert.Empty(evidence.HiddenText);
        Assert.Contains(evidence.Sections.SelectMany(s => s.Paragraphs), p => p.Contains("Shown after all.", StringComparison.Ordinal));
    }

    [Fact]
    public void White_text_on_a_dark_background_is_visible()
    {
        var evidence = Read(Page("<div class=\"ltx_para\" style=\"background-color:#000\"><span style=\"color:#fff\">Dark box text.</span></div>"));

        Assert.Empty(evidence.HiddenText);
        Assert.Contains("Dark box text.", evidence.Sections[0].Paragraphs);
    }

    [Theory]
    [InlineData("<div class=\"ltx_para\" style=\"background-color:#222\"><span style=\"color:#eee\">Light on dark.</span></div>")]
    [InlineData("<div class=\"ltx_para\"><div style=\"height:0\">Overflowing but shown.</div></div>")]
    [InlineData("<div class=\"ltx_para\"><span style=\"clip-path:inset(10%)\">Slightly clipped.</span></div>")]
    [InlineData("<div class=\"ltx_para\"><span style=\"transform:scale(0.8)\">Slightly smaller.</span></div>")]
    [InlineData("<div class=\"ltx_para\"><span style=\"text-indent:-1em;margin-left:-20px\">Hanging indent.</span></div>")]
    [InlineData("<div class=\"ltx_para\"><span style=\"color:rgba(0,0,0,0.8)\">Soft black.</span></div>")]
    [InlineData("<div class=\"ltx_para\" style=\"background:url(x.png) #000\"><span style=\"color:#000\">On an image.</span></div>")]
    public void Visible_styling_hides_nothing(string visible)
    {
        var evidence = Read(Page(visible));

        Assert.Empty(evidence.HiddenText);
    }

    [Fact]
    public void A_finding_says_how_the_text_was_hidden()
    {
        var evidence = Read(Page("<div class=\"ltx_para\"><span id=\"x\" style=\"clip-path:inset(100%)\">" + Injection + "</span></div>"));

        Assert.Equal("<span#x> in section#S1, by clip-path:inset(100%)", Assert.Single(evidence.HiddenText).Location);
    }

    [Fact]
    public void A_style_rule_without_a_selector_is_skipped()
    {
        // From fuzzing: a rule whose selector does not parse has a null SelectorText, which QuerySelectorAll refused.
        var evidence = Read(Page("<style>.^{display:none} :not(){color:red} [x=]{display:none} ::-x-y{display:none} *|*{color:blue}</style><div class=\"ltx_para\"><p>Still read.</p></div>"));

        Assert.Contains(evidence.Sections[0].Paragraphs, p => p.Contains("Still read.", StringComparison.Ordinal));
    }

    [Fact]
    public void An_error_page_is_refused()
    {
        var e = Assert.Throws<FullTextException>(() => Read("<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>"));

        Assert.Contains("404 Not Found", e.Message, StringComparison.Ordinal);
    }

    private static PaperEvidence Read(string html) => new HtmlEvidenceReader().Read(Encoding.UTF8.GetBytes(html), "paper.html");
}
