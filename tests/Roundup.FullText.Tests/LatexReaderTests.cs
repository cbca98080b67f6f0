using System.Text;
using Roundup.FullText.Latex;
using Roundup.FullText.Tests.Fixtures;

namespace Roundup.FullText.Tests;

public sealed class LatexReaderTests
{
    private const string Injection = PdfFixtures.Injection;

    [Fact]
    public void A_paper_comes_out_as_structured_plain_text()
    {
        var evidence = Read(LatexFixtures.Paper());

        Assert.Equal("Learning with SuperNet: a Study", evidence.Title);
        Assert.Equal("We present SuperNet, which is 3.2$\\times$ faster.", evidence.Abstract);
        Assert.Equal(["Introduction", "Method", "Experiments", "Extra Details"], evidence.Sections.Select(s => s.Heading));
        Assert.Equal([SectionKind.Introduction, SectionKind.Method, SectionKind.Experiments, SectionKind.Appendix], evidence.Sections.Select(s => s.Kind));
        var intro = evidence.Sections[0].Paragraphs;
        Assert.Equal("Deep representation learning [cite] is popular; see Section [ref] and 50% of https://example.org/code.", intro[0]);
        Assert.Equal("A second paragraph with math $a^2 + b^2 = c^2$ and été and the final word.", intro[1]);
        Assert.Equal("Setup. We train SuperNet.", Assert.Single(evidence.Sections[1].Paragraphs));
        Assert.Equal(["Overview of SuperNet on CIFAR-10.", "Results on ImageNet."], evidence.Captions);
        var table = Assert.Single(evidence.Tables);
        Assert.Equal([["Model", "Acc."], ["SuperNet", "91.5%"], ["Baseline", "88.0%"]], table.Rows.Select(r => r.ToArray()));
        Assert.Equal(["J. Smith. A paper. In NeurIPS, 2020.", "J. Doe. Another paper. 2021."], evidence.References);
        Assert.Empty(evidence.HiddenText);
        EvidenceAssert.NowhereVisible(evidence, "IGNORE");
    }

    [Theory]
    [InlineData(@"\textcolor{white}{" + Injection + "}", HiddenTextKind.LatexColorWhite)]
    [InlineData(@"{\color{white} " + Injection + "}", HiddenTextKind.LatexColorWhite)]
    [InlineData(@"\textcolor{paper}{" + Injection + "}", HiddenTextKind.LatexColorWhite)]
    [InlineData(@"\textcolor[rgb]{1,1,1}{" + Injection + "}", HiddenTextKind.LatexColorWhite)]
    [InlineData(@"\phantom{" + Injection + "}", HiddenTextKind.LatexPhantom)]
    [InlineData(@"{\tiny " + Injection + "}", HiddenTextKind.LatexTinyFont)]
    [InlineData(@"{\fontsize{0.5pt}{1pt}\selectfont " + Injection + "}", HiddenTextKind.LatexTinyFont)]
    [InlineData(@"\resizebox{0pt}{0pt}{" + Injection + "}", HiddenTextKind.LatexZeroSizeBox)]
    [InlineData(@"\resizebox*{!}{0mm}{" + Injection + "}", HiddenTextKind.LatexZeroSizeBox)]
    [InlineData(@"\scalebox{0}{" + Injection + "}", HiddenTextKind.LatexZeroSizeBox)]
    [InlineData(@"\scalebox{1}[0.01]{" + Injection + "}", HiddenTextKind.LatexZeroSizeBox)]
    [InlineData(@"\makebox[0pt]{\hspace{-100cm}" + Injection + "}", HiddenTextKind.LatexZeroSizeBox)]
    [InlineData(@"\makebox[0pt][l]{\hskip -80cm " + Injection + "}", HiddenTextKind.LatexZeroSizeBox)]
    [InlineData(@"\raisebox{100cm}{" + Injection + "}", HiddenTextKind.LatexZeroSizeBox)]
    [InlineData(@"\colorbox{black}{" + Injection + "}", HiddenTextKind.LatexTextLikeBackground)]
    [InlineData(@"\colorbox{black}{\textcolor{black}{" + Injection + "}}", HiddenTextKind.LatexTextLikeBackground)]
    [InlineData(@"\fcolorbox{red}{blue!80!black}{\color{blue!80!black}" + Injection + "}", HiddenTextKind.LatexTextLikeBackground)]
    [InlineData(@"\colorbox[rgb]{0.2,0.2,0.2}{\textcolor[HTML]{333333}{" + Injection + "}}", HiddenTextKind.LatexTextLikeBackground)]
    [InlineData(@"\textcolor{red}{\colorbox{red}{" + Injection + "}}", HiddenTextKind.LatexTextLikeBackground)]
    [InlineData(@"\textcolor{white!95!black}{" + Injection + "}", HiddenTextKind.LatexColorWhite)]
    public void Hidden_text_is_reported_and_removed(string hidden, HiddenTextKind kind)
    {
        var evidence = Read(LatexFixtures.Paper(hidden));

        var finding = Assert.Single(evidence.HiddenText);
        Assert.Equal(kind, finding.Kind);
        Assert.Equal(Injection, finding.Text);
        Assert.StartsWith("paper.tex line 16", finding.Location, StringComparison.Ordinal);
        EvidenceAssert.NowhereVisible(evidence, "IGNORE");
        Assert.Contains("Deep representation learning", evidence.Sections[0].Paragraphs[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"\colorbox{black}{\textcolor{white}{Inverted box.}}")]
    [InlineData(@"\colorbox{yellow}{Highlighted words.}")]
    [InlineData(@"\makebox[0pt][l]{Overlaid words.}")]
    [InlineData(@"\hspace{-2cm}Pulled words.")]
    [InlineData(@"\raisebox{-0.5ex}{Lowered words.}")]
    [InlineData(@"\resizebox{\linewidth}{!}{Scaled words.}")]
    [InlineData(@"\scalebox{0.8}{Smaller words.}")]
    [InlineData(@"\textcolor{gray}{Grey words.}")]
    public void Visible_boxes_and_colours_hide_nothing(string visible)
    {
        var evidence = Read(LatexFixtures.Paper(visible));

        Assert.Empty(evidence.HiddenText);
        Assert.Contains(evidence.Sections[0].Paragraphs, p => p.Contains("words", StringComparison.Ordinal) || p.Contains("box", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_in_the_page_colour_is_hidden()
    {
        var evidence = Read(LatexFixtures.Paper(@"\definecolor{ink}{gray}{0}\textcolor{ink}{" + Injection + "}").Replace(@"\begin{document}", @"\pagecolor{black}\begin{document}", StringComparison.Ordinal));

        Assert.Equal(HiddenTextKind.LatexTextLikeBackground, Assert.Single(evidence.HiddenText).Kind);
        EvidenceAssert.NowhereVisible(evidence, "IGNORE");
    }

    [Fact]
    public void A_finding_says_how_the_text_was_hidden()
    {
        var evidence = Read(LatexFixtures.Paper(@"\resizebox{0pt}{0pt}{" + Injection + "}"));

        Assert.Equal(@"paper.tex line 16, by \resizebox{0pt}{0pt}", Assert.Single(evidence.HiddenText).Location);
    }

    [Fact]
    public void Hidden_text_behind_a_macro_is_found()
    {
        var evidence = Read(LatexFixtures.Paper(@"\newcommand{\sneak}[1]{\textcolor{white}{#1}}\sneak{" + Injection + "}"));

        Assert.Equal(HiddenTextKind.LatexColorWhite, Assert.Single(evidence.HiddenText).Kind);
        EvidenceAssert.NowhereVisible(evidence, "IGNORE");
    }

    [Fact]
    public void A_phantom_digit_for_alignment_is_removed_but_not_reported()
    {
        var evidence = Read(LatexFixtures.Paper(@"Accuracy \phantom{0}9.5 points."));

        Assert.Empty(evidence.HiddenText);
    }

    [Fact]
    public void A_multi_file_tarball_follows_inputs_and_reads_the_bbl()
    {
        var tar = Archives.TarGz(
            ("sections/intro.tex", "\\section{Introduction}\nWe begin.\n"),
            ("._main.tex", "\u0000\u0005junk"),
            ("main.tex", "\\documentclass{article}\n\\title{Bundle}\n\\begin{document}\n\\input{sections/intro}\n\\include{method}\n\\bibliography{refs}\n\\end{document}\n"),
            ("method.tex", "\\section{Method}\nWe continue.\n"),
            ("main.bbl", "\\begin{thebibliography}{1}\n\\bibitem{a} A. Author. \\newblock Title. \\newblock 2020.\n\\end{thebibliography}\n"));

        var evidence = new LatexEvidenceReader().Read(tar, "bundle.tar.gz");

        Assert.Equal("Bundle", evidence.Title);
        Assert.Equal(["Introduction", "Method"], evidence.Sections.Select(s => s.Heading));
        Assert.Equal(["A. Author. Title. 2020."], evidence.References);
    }

    private static PaperEvidence Read(string latex) => new LatexEvidenceReader().Read(Encoding.UTF8.GetBytes(latex), "paper.tex");

    [Fact]
    public void A_gzipped_single_file_e_print_saved_under_a_tar_gz_name_is_read_by_its_content()
    {
        using var dir = new Roundup.Testing.TempDirectory();
        var path = dir.File("2506.00001v1.tar.gz");
        using (var gzip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(LatexFixtures.Paper()));
        }

        var evidence = new FullTextReader().Read(path);

        Assert.Equal(EvidenceFormat.Latex, evidence.Format);
        Assert.Equal("Learning with SuperNet: a Study", evidence.Title);
        Assert.Equal(4, evidence.Sections.Count);
    }
}
