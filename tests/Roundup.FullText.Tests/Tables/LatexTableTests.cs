using System.Text;
using Roundup.FullText.Latex;
using Roundup.FullText.Tests.Fixtures;

namespace Roundup.FullText.Tests.Tables;

public sealed class LatexTableTests
{
    private const string Results = """
        \begin{table}[t]
        \centering
        \resizebox{\linewidth}{!}{
        \begin{tabular}{lccc}
        \toprule
        \multirow{2}{*}{Method} & \multicolumn{2}{c}{Accuracy (\%) $\uparrow$} & Time (s) \\
        \cmidrule(lr){2-3}
         & Dev & Test & \\
        \midrule
        Baseline~\cite{x} & 71.2$^\dagger$ & -- & n/a \\
        Prior & $70.1 \pm 0.3$ & 69.0\textpm0.4 & --- \\
        \textbf{Ours} & \textbf{75.4} & {\bf 74.9} & 1.2$^{*}$ \\
        Ours (small) & $\mathbf{75.9}$ & 72.0$^\mathbf{\dagger}$ & {} \\
        \bottomrule
        \end{tabular}}
        \caption{Results on \textbf{XYZ}. Higher is better.}
        \label{tab:results}
        \end{table}
        """;

    [Fact]
    public void A_results_table_keeps_its_caption_label_header_rows_and_cells()
    {
        var table = Assert.Single(Read(Results).Tables);

        Assert.Equal("Table 1", table.Label);
        Assert.Equal("Results on XYZ. Higher is better.", table.Caption);
        Assert.Equal(2, table.HeaderRows);
        Assert.Equal("Experiments", table.Section);
        Assert.False(table.InAppendix);
        Assert.Equal(
            [
                ["Method", "Accuracy (%) ↑", "Accuracy (%) ↑", "Time (s)"],
                ["", "Dev", "Test", ""],
                ["Baseline [cite]", "71.2†", "–", "n/a"],
                ["Prior", "70.1 ± 0.3", "69.0±0.4", "—"],
                ["Ours", "75.4", "74.9", "1.2*"],
                ["Ours (small)", "75.9", "72.0†", ""],
            ],
            table.Rows.Select(r => r.ToArray()));
    }

    [Fact]
    public void Bold_cells_are_marked_but_a_bold_footnote_mark_is_not()
    {
        var table = Assert.Single(Read(Results).Tables);

        Assert.Equal([new TableCell(4, 0), new TableCell(4, 1), new TableCell(4, 2), new TableCell(5, 1)], table.Bold.OrderBy(b => b.Row).ThenBy(b => b.Column));
        Assert.False(table.IsBold(5, 2));
    }

    [Fact]
    public void Captions_still_reach_the_captions_list_in_order()
    {
        var evidence = Read(@"\begin{figure}\caption{A figure.}\end{figure}" + Results);

        Assert.Equal(["A figure.", "Results on XYZ. Higher is better."], evidence.Captions);
    }

    [Fact]
    public void Tables_are_numbered_as_LaTeX_numbers_them_and_subtables_keep_their_floats_number()
    {
        var evidence = Read("""
            \begin{table}\begin{tabular}{ll}a & b\end{tabular}\end{table}
            \begin{table*}\caption{First.}\begin{subtable}{\linewidth}\begin{tabular}{ll}A & 1\end{tabular}\subcaption{Left.}\end{subtable}
            \begin{subtable}{\linewidth}\begin{tabular}{ll}B & 2\end{tabular}\subcaption{Right.}\end{subtable}\end{table*}
            \begin{figure}\begin{tabular}{l}in a figure\end{tabular}\caption{A figure.}\end{figure}
            \begin{tabular}{ll}free & standing\end{tabular}
            \begin{table}\caption*{Unnumbered.}\begin{tabular}{l}x\end{tabular}\end{table}
            \begin{table}\caption{Second.}\begin{tabular}{l}y\end{tabular}\end{table}
            """);

        Assert.Equal(["", "Table 1", "Table 1", "Figure 1", "", "", "Table 2"], evidence.Tables.Select(t => t.Label));
        Assert.Equal(["", "First. (a) Left.", "First. (b) Right.", "A figure.", "", "Unnumbered.", "Second."], evidence.Tables.Select(t => t.Caption));
        Assert.Equal(["First.", "Left.", "Right.", "A figure.", "Unnumbered.", "Second."], evidence.Captions);
    }

    [Fact]
    public void A_table_only_in_the_appendix_is_marked_so()
    {
        var evidence = Read("Main text.", appendix: Results);

        var table = Assert.Single(evidence.Tables);
        Assert.True(table.InAppendix);
        Assert.Equal("More Results", table.Section);
        Assert.Equal("Table 1", table.Label);
    }

    [Fact]
    public void Multirow_text_stays_in_its_first_row_and_a_negative_multirow_moves_up_to_it()
    {
        var table = Assert.Single(Read("""
            \begin{table}\caption{Spans.}\begin{tabular}{lll}
            Group & Model & Score \\ \hline
            \multirow{2}{*}{\textbf{Open}} & A & 1.0 \\
             & B & 2.0 \\
             & C & 3.0 \\
            \multirow{-2}{*}{Closed} & D & 4.0 \\
            \end{tabular}\end{table}
            """).Tables);

        Assert.Equal(["Open", "", "Closed", ""], table.Rows.Skip(1).Select(r => r[0]));
        Assert.Equal(1, table.HeaderRows);
        Assert.True(table.IsBold(1, 0));
    }

    [Fact]
    public void Stacked_headers_and_nested_tabulars_stay_in_one_cell()
    {
        var table = Assert.Single(Read("""
            \begin{table}\caption{Stacks.}\begin{tabular}{lll}
            \makecell[l]{Papers w/ \\ body text} & \shortstack{Oracle\\abstract} & \begin{tabular}[c]{@{}c@{}}Two\\lines\end{tabular} \\
            \midrule
            x & y & z \\
            \end{tabular}\end{table}
            """).Tables);

        Assert.Equal(["Papers w/ body text", "Oracle abstract", "Two lines"], table.Rows[0]);
        Assert.Equal(1, table.HeaderRows);
    }

    [Fact]
    public void Hidden_text_in_a_cell_never_reaches_the_table()
    {
        var evidence = Read(Results.Replace(@"\textbf{Ours} &", @"\textbf{Ours}\textcolor{white}{" + PdfFixtures.Injection + "} &", StringComparison.Ordinal));

        Assert.Single(evidence.HiddenText);
        Assert.Equal("Ours", evidence.Tables[0].Rows[4][0]);
        Assert.DoesNotContain(evidence.Tables.SelectMany(t => t.Rows).SelectMany(r => r), c => c.Contains("IGNORE", StringComparison.Ordinal));
    }

    [Fact]
    public void A_huge_multicolumn_count_is_capped()
    {
        var table = Assert.Single(Read(@"\begin{table}\caption{Big.}\begin{tabular}{l}\multicolumn{99999999}{c}{wide} \\ a \end{tabular}\end{table}").Tables);

        Assert.Equal(100, table.Rows[0].Count);
    }

    [Fact]
    public void A_table_inside_a_comment_environment_is_not_read()
    {
        var evidence = Read(@"\begin{comment}\begin{table}\caption{Old.}\begin{tabular}{l}old\end{tabular}\end{table}\end{comment}" + Results);

        Assert.Equal("Table 1", Assert.Single(evidence.Tables).Label);
    }

    private static PaperEvidence Read(string experiments, string appendix = "") => new LatexEvidenceReader().Read(Encoding.UTF8.GetBytes($$"""
        \documentclass{article}
        \title{Tables}
        \begin{document}
        \section{Introduction}
        We study tables.
        \section{Experiments}
        {{experiments}}
        \appendix
        \section{More Results}
        {{appendix}}
        \end{document}
        """), "paper.tex");
}
