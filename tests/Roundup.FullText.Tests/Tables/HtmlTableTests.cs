using System.Text;
using Roundup.FullText.Html;
using Roundup.FullText.Tests.Fixtures;

namespace Roundup.FullText.Tests.Tables;

public sealed class HtmlTableTests
{
    private const string LatexmlTable = """
        <figure class="ltx_table" id="S2.T3">
        <figcaption class="ltx_caption"><span class="ltx_tag ltx_tag_table">Table 3: </span>Results on XYZ.</figcaption>
        <table class="ltx_tabular ltx_guessed_headers">
        <thead class="ltx_thead">
        <tr class="ltx_tr"><th class="ltx_th ltx_th_column" rowspan="2">Method</th><th class="ltx_th ltx_th_column" colspan="2">Accuracy (%) <math alttext="\uparrow"><mo>↑</mo></math></th><th class="ltx_th ltx_th_column">Time (s)</th></tr>
        <tr class="ltx_tr"><th class="ltx_th ltx_th_column">Dev</th><th class="ltx_th ltx_th_column">Test</th><th class="ltx_th ltx_th_column"></th></tr>
        </thead>
        <tbody class="ltx_tbody">
        <tr class="ltx_tr"><th class="ltx_th ltx_th_row">Baseline</th><td class="ltx_td">71.2<math alttext="{}^{\dagger}"><msup><mi></mi><mo>†</mo></msup></math></td><td class="ltx_td">—</td><td class="ltx_td">n/a</td></tr>
        <tr class="ltx_tr"><th class="ltx_th ltx_th_row">Prior</th><td class="ltx_td"><math alttext="70.1\pm 0.3"><mn>70.1</mn></math></td><td class="ltx_td">69.0</td><td class="ltx_td"></td></tr>
        <tr class="ltx_tr"><th class="ltx_th ltx_th_row"><span class="ltx_text ltx_font_bold">Ours</span></th><td class="ltx_td"><b>75.4</b></td><td class="ltx_td" style="font-weight: 700">74.9</td><td class="ltx_td">1.2<sup>*</sup></td></tr>
        <tr class="ltx_tr"><td class="ltx_td" rowspan="2">Group</td><td class="ltx_td">1</td><td class="ltx_td"><strong>2</strong></td><td class="ltx_td">3</td></tr>
        <tr class="ltx_tr"><td class="ltx_td">4</td><td class="ltx_td">5</td><td class="ltx_td">6</td></tr>
        </tbody></table></figure>
        """;

    [Fact]
    public void A_LaTeXML_table_keeps_its_label_caption_header_rows_spans_and_bold_cells()
    {
        var table = Assert.Single(Read(Page(LatexmlTable)).Tables);

        Assert.Equal("Table 3", table.Label);
        Assert.Equal("Results on XYZ.", table.Caption);
        Assert.Equal(2, table.HeaderRows);
        Assert.Equal("2 Experiments", table.Section);
        Assert.False(table.InAppendix);
        Assert.Equal(
            [
                ["Method", "Accuracy (%) ↑", "Accuracy (%) ↑", "Time (s)"],
                ["", "Dev", "Test", ""],
                ["Baseline", "71.2†", "—", "n/a"],
                ["Prior", "70.1 ± 0.3", "69.0", ""],
                ["Ours", "75.4", "74.9", "1.2*"],
                ["Group", "1", "2", "3"],
                ["", "4", "5", "6"],
            ],
            table.Rows.Select(r => r.ToArray()));
        Assert.Equal([new(4, 0), new(4, 1), new(4, 2), new(5, 2)], table.Bold.OrderBy(b => b.Row).ThenBy(b => b.Column).ToArray());
    }

    [Fact]
    public void A_plain_table_with_its_own_caption_and_th_header_is_read()
    {
        var table = Assert.Single(Read(Page("""
            <table><caption>Table 2. Speed of each model.</caption>
            <tr><th>Model</th><th>Latency (ms)</th></tr>
            <tr><td>A</td><td>12</td></tr><tr><td>B</td><td></td></tr></table>
            """)).Tables);

        Assert.Equal("Table 2", table.Label);
        Assert.Equal("Speed of each model.", table.Caption);
        Assert.Equal(1, table.HeaderRows);
        Assert.Equal([["Model", "Latency (ms)"], ["A", "12"], ["B", ""]], table.Rows.Select(r => r.ToArray()));
    }

    [Fact]
    public void A_subtable_takes_its_figures_number_and_caption()
    {
        var table = Assert.Single(Read(Page("""
            <figure class="ltx_table"><div class="ltx_flex_figure">
            <figure class="ltx_figure ltx_figure_panel"><table class="ltx_tabular"><tr><td>a</td><td>1</td></tr></table>
            <figcaption class="ltx_caption"><span class="ltx_tag ltx_tag_table">(a) </span>Left.</figcaption></figure></div>
            <figcaption class="ltx_caption"><span class="ltx_tag ltx_tag_table">Table 4: </span>Both sides.</figcaption></figure>
            """)).Tables);

        Assert.Equal("Table 4", table.Label);
        Assert.Equal("Both sides. (a) Left.", table.Caption);
    }

    [Fact]
    public void A_table_in_the_appendix_is_marked_so()
    {
        var evidence = Read(Page("", appendix: LatexmlTable));

        var table = Assert.Single(evidence.Tables);
        Assert.True(table.InAppendix);
        Assert.Equal("Appendix A Extra", table.Section);
    }

    [Theory]
    [InlineData("<span style=\"display:none\">" + PdfFixtures.Injection + "</span>")]
    [InlineData("<span style=\"color:#fff\">" + PdfFixtures.Injection + "</span>")]
    [InlineData("<span style=\"font-size:0\">" + PdfFixtures.Injection + "</span>")]
    public void Hidden_text_never_enters_a_cell(string hidden)
    {
        var evidence = Read(Page(LatexmlTable.Replace("<td class=\"ltx_td\">69.0</td>", "<td class=\"ltx_td\">69.0" + hidden + "</td>", StringComparison.Ordinal)));

        Assert.Single(evidence.HiddenText);
        Assert.Equal("69.0", evidence.Tables[0].Rows[3][2]);
        Assert.DoesNotContain(evidence.Tables.SelectMany(t => t.Rows).SelectMany(r => r), c => c.Contains("IGNORE", StringComparison.Ordinal));
    }

    [Fact]
    public void Equation_tables_are_not_tables_and_huge_spans_are_capped()
    {
        var evidence = Read(Page("""
            <table class="ltx_equation ltx_eqn_table"><tr><td>x = 1</td></tr></table>
            <table><tr><td colspan="100000">wide</td></tr><tr><td>a</td></tr></table>
            """));

        var table = Assert.Single(evidence.Tables);
        Assert.Equal(100, table.Rows[0].Count);
    }

    private static string Page(string experiments, string appendix = "") => $$"""
        <!DOCTYPE html>
        <html><head><title>Paper</title></head>
        <body><div class="ltx_page_main"><article class="ltx_document">
        <h1 class="ltx_title ltx_title_document">Tables</h1>
        <section id="S1" class="ltx_section"><h2 class="ltx_title"><span class="ltx_tag">1 </span>Introduction</h2><div class="ltx_para"><p>We study tables.</p></div></section>
        <section id="S2" class="ltx_section"><h2 class="ltx_title"><span class="ltx_tag">2 </span>Experiments</h2>
        {{experiments}}
        <div class="ltx_para"><p class="ltx_p">We win.</p></div></section>
        <section id="A1" class="ltx_appendix"><h2 class="ltx_title">Appendix A Extra</h2><div class="ltx_para"><p>More.</p></div>{{appendix}}</section>
        </article></div></body></html>
        """;

    private static PaperEvidence Read(string html) => new HtmlEvidenceReader().Read(Encoding.UTF8.GetBytes(html), "paper.html");
}
