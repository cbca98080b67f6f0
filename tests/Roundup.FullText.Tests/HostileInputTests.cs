using System.Formats.Tar;
using System.Text;
using Roundup.FullText.Tests.Fixtures;
using Roundup.Testing;

namespace Roundup.FullText.Tests;

public sealed class HostileInputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_empty_pdf_is_refused_by_name() =>
        AssertRefused("empty.pdf", [], "empty (0 bytes)");

    [Fact]
    public void An_html_error_page_saved_as_pdf_is_refused() =>
        AssertRefused("2506.01234.pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1></body></html>"), "HTML page");

    [Fact]
    public void An_encrypted_pdf_is_refused() =>
        AssertRefused("locked.pdf", PdfFixtures.Encrypted(), "encrypted");

    [Fact]
    public void Garbage_is_refused() =>
        AssertRefused("noise.bin", [1, 2, 3, 4, 5, 6, 7, 8], "not a PDF");

    [Fact]
    public void A_tarball_with_a_parent_path_is_refused() =>
        AssertRefused("traversal.tar.gz", Archives.TarGz(("main.tex", LatexFixtures.Minimal), ("../evil.tex", "\\section{Evil}")), "'../evil.tex' points outside");

    [Fact]
    public void A_tarball_with_an_absolute_path_is_refused() =>
        AssertRefused("absolute.tar.gz", Archives.TarGz(("main.tex", LatexFixtures.Minimal), ("/etc/evil.tex", "x")), "outside the archive");

    [Fact]
    public void A_tarball_with_a_symlink_is_refused() =>
        AssertRefused("symlink.tar.gz", Archives.TarGz(w =>
        {
            w.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "main.tex") { LinkName = "/etc/passwd" });
        }), "symbolic link to '/etc/passwd'");

    [Fact]
    public void A_tarball_with_a_hard_link_is_refused() =>
        AssertRefused("hardlink.tar.gz", Archives.TarGz(w =>
        {
            w.WriteEntry(new PaxTarEntry(TarEntryType.HardLink, "main.tex") { LinkName = "../../secret" });
        }), "hard link");

    [Fact]
    public void A_gzip_bomb_is_refused_while_inflating()
    {
        var bomb = Archives.GzippedZeros(1L << 30);
        TestContext.Current.SendDiagnosticMessage($"1 GiB of zeros compresses to {bomb.Length:N0} bytes");

        AssertRefused("bomb.tar.gz", bomb, "more than 104,857,600 bytes uncompressed");
    }

    [Fact]
    public void A_tarball_over_the_total_size_is_refused()
    {
        var limits = new FullTextLimits { MaxUncompressedBytes = 1_000_000 };
        var tar = Archives.TarGz(Enumerable.Range(0, 3).Select(i => ($"part{i}.tex", new string('x', 600_000))).ToArray());

        AssertRefused("big.tar.gz", tar, "uncompressed", limits);
    }

    [Fact]
    public void A_tarball_with_too_many_entries_is_refused()
    {
        var limits = new FullTextLimits { MaxArchiveEntries = 10 };
        var tar = Archives.TarGz(Enumerable.Range(0, 11).Select(i => ($"f{i}.tex", "x")).ToArray());

        AssertRefused("many.tar.gz", tar, "more than 10 entries", limits);
    }

    [Fact]
    public void Includes_cannot_recurse_forever()
    {
        var tar = Archives.TarGz(("main.tex", "\\documentclass{article}\\begin{document}\\section{Loop}\\input{loop}\\end{document}"), ("loop.tex", "again \\input{loop}"));

        var evidence = new FullTextReader().Read(Write("loop.tar.gz", tar));

        Assert.Contains(evidence.Warnings, w => w.Contains("deeper than", StringComparison.Ordinal));
    }

    [Fact]
    public void Macros_that_expand_forever_are_refused() =>
        AssertRefused("macro.tex", Encoding.UTF8.GetBytes("\\documentclass{article}\\newcommand{\\boom}{\\boom\\boom}\\begin{document}\\section{A}\\boom\\end{document}"), "macros expand");

    [Theory]
    [InlineData("div", 100_000)]
    [InlineData("div", 1_000_000)]
    [InlineData("b", 200_000)]
    [InlineData("table><tr><td", 100_000)]
    public void Deeply_nested_html_is_refused_quickly(string tag, int levels)
    {
        var name = tag.Split('>')[0];
        var html = new StringBuilder("<html><body><article class=\"ltx_document\">");
        html.Insert(html.Length, $"<{tag}>", levels).Append('x');
        html.Insert(html.Length, $"</{name}>", tag == "b" ? 0 : levels).Append("</article></body></html>");
        var started = System.Diagnostics.Stopwatch.StartNew();

        AssertRefused("deep.html", Encoding.UTF8.GetBytes(html.ToString()), "more than 256 deep (FullTextLimits.MaxHtmlDepth)");

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
    }

    [Fact]
    public void Html_nested_within_the_limit_is_read()
    {
        var html = new StringBuilder("<html><body><article class=\"ltx_document\"><section id=\"S1\" class=\"ltx_section\"><h2 class=\"ltx_title\">Deep</h2><div class=\"ltx_para\">");
        html.Insert(html.Length, "<span>", 200).Append("Bottom words.");
        html.Insert(html.Length, "</span>", 200).Append("</div></section></article></body></html>");

        var evidence = new FullTextReader().Read(Write("nested.html", Encoding.UTF8.GetBytes(html.ToString())));

        Assert.Equal(["Bottom words."], evidence.Sections[0].Paragraphs);
    }

    [Fact]
    public void Html_with_too_many_elements_is_refused()
    {
        var html = "<html><body><article class=\"ltx_document\">" + string.Concat(Enumerable.Repeat("<p>x</p>", 2_000)) + "</article></body></html>";

        AssertRefused("many.html", Encoding.UTF8.GetBytes(html), "more than 1,000 elements (FullTextLimits.MaxHtmlElements)", FullTextLimits.Default with { MaxHtmlElements = 1_000 });
    }

    [Theory]
    [InlineData("slow.html")]
    [InlineData("slow.tex")]
    public void A_document_over_the_time_budget_is_refused(string name)
    {
        var content = name.EndsWith(".html", StringComparison.Ordinal)
            ? "<html><body><article class=\"ltx_document\">" + string.Concat(Enumerable.Repeat("<p>x</p>", 5_000)) + "</article></body></html>"
            : LatexFixtures.Paper(string.Concat(Enumerable.Repeat(@"\textcolor{red}{x} ", 5_000)));

        AssertRefused(name, Encoding.UTF8.GetBytes(content), "(FullTextLimits.MaxReadTime)", FullTextLimits.Default with { MaxReadTime = TimeSpan.FromTicks(1) });
    }

    [Theory]
    [InlineData("slow.html")]
    [InlineData("slow.tex")]
    public void Cancellation_stops_a_read(string name)
    {
        var content = name.EndsWith(".html", StringComparison.Ordinal)
            ? "<html><body><article class=\"ltx_document\">" + string.Concat(Enumerable.Repeat("<p>x</p>", 5_000)) + "</article></body></html>"
            : LatexFixtures.Paper(string.Concat(Enumerable.Repeat(@"\textcolor{red}{x} ", 5_000)));
        var path = Write(name, Encoding.UTF8.GetBytes(content));

        Assert.ThrowsAny<OperationCanceledException>(() => new FullTextReader().Read(path, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Many_unclosed_groups_are_read_without_scanning_to_the_end_for_each()
    {
        // 200,000 unclosed \phantom{ made every group lookup a scan to the end of the text: minutes of work. With the
        // brace index the read is linear; the generous clock only tells the two apart.
        var path = Write("unclosed.tex", Encoding.UTF8.GetBytes(LatexFixtures.Paper(string.Concat(Enumerable.Repeat(@"word \phantom{ x ", 200_000)))));

        var evidence = new FullTextReader(FullTextLimits.Default with { MaxReadTime = TimeSpan.FromSeconds(45) }).Read(path);

        Assert.Empty(evidence.HiddenText);
    }

    [Fact]
    public void Latex_colours_nested_past_the_limit_are_refused()
    {
        var deep = string.Concat(Enumerable.Repeat(@"\textcolor{red}{\colorbox{yellow}{", 40)) + "x" + new string('}', 80);

        AssertRefused("nested.tex", Encoding.UTF8.GetBytes(LatexFixtures.Paper(deep)), "more than 64 deep (FullTextLimits.MaxLatexNesting)");
    }

    [Fact]
    public void Many_colour_declarations_in_one_group_are_not_nesting()
    {
        var flat = "{" + string.Concat(Enumerable.Repeat(@"\color{red} a \color{blue} b ", 100)) + "}";

        var evidence = new FullTextReader().Read(Write("flat.tex", Encoding.UTF8.GetBytes(LatexFixtures.Paper(flat))));

        Assert.Empty(evidence.HiddenText);
    }

    private void AssertRefused(string name, byte[] content, string expected, FullTextLimits? limits = null)
    {
        var path = Write(name, content);
        var before = Directory.GetFileSystemEntries(_temp.Path).Length;

        var e = Assert.Throws<FullTextException>(() => new FullTextReader(limits).Read(path));

        Assert.Equal(path, e.File);
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(_temp.Path).Length);
    }

    private string Write(string name, byte[] content)
    {
        var path = _temp.File(name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
