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
    public void Hidden_text_is_reported_and_removed(string hidden, HiddenTextKind kind)
    {
        var evidence = Read(LatexFixtures.Paper(hidden));

        var finding = Assert.Single(evidence.HiddenText);
        Assert.Equal(kind, finding.Kind);
        Assert.Equal(Injection, finding.Text);
        Assert.Equal("paper.tex line 16", finding.Location);
        EvidenceAssert.NowhereVisible(evidence, "IGNORE");
        Assert.Contains("Deep representation learning", evidence.Sections[0].Paragraphs[0], StringComparison.Ordinal);
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
