using Roundup.FullText.Pdf;
using Roundup.FullText.Tests.Fixtures;

namespace Roundup.FullText.Tests;

/// <summary>
/// Hostile PDFs refused with the limit they passed: compression bombs (one stream, many streams), page-count and
/// drawing bombs, the time budget, cancellation, and a damaged file that crashed PdfPig. Timings are measured in
/// bench, not here; these assert the reason and that the bomb was not decoded.
/// </summary>
public sealed class PdfLimitsTests
{
    private static readonly byte[] Visible = RawPdf.Ascii("BT /F2 12 Tf 56 690 Td (1 Introduction) Tj ET BT /F1 10 Tf 56 670 Td (Visible words on the page.) Tj ET\n");

    [Fact]
    public void A_content_stream_inflating_past_the_stream_limit_is_refused_before_it_is_decoded()
    {
        var pdf = new RawPdf();
        pdf.AddPage($"{pdf.AddCompressedStream(RawPdf.DeflateRepeated(40L << 20))} 0 R");
        var budget = Budget("bomb.pdf");

        var e = Assert.Throws<FullTextException>(() => new PdfEvidenceReader().Read(pdf.Build(), "bomb.pdf", budget));

        Assert.Equal("bomb.pdf", e.File);
        Assert.Contains("MaxPdfStreamBytes", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, budget.DecodedBytes);
    }

    [Fact]
    public void A_bomb_in_a_font_file_that_pdfpig_swallows_is_still_refused()
    {
        var pdf = new RawPdf();
        var fontFile = pdf.AddCompressedStream(RawPdf.DeflateRepeated(40L << 20, 0));
        var descriptor = pdf.Add($"<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 {fontFile} 0 R >>");
        var font = pdf.Add($"<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126 /Widths [{string.Join(" ", Enumerable.Repeat(500, 95))}] /FontDescriptor {descriptor} 0 R >>");
        pdf.AddPage([.. Visible, .. RawPdf.Ascii("BT /FB 10 Tf 56 600 Td (Set in the bomb font.) Tj ET")], fontsExtra: $"/FB {font} 0 R");

        var e = Assert.Throws<FullTextException>(() => new PdfEvidenceReader().Read(pdf.Build(), "font-bomb.pdf"));

        Assert.Contains("MaxPdfStreamBytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_small_streams_past_the_document_limit_are_refused()
    {
        var limits = FullTextLimits.Default with { MaxPdfDecodedBytes = 4L << 20 };
        var pdf = new RawPdf();
        var chunk = RawPdf.DeflateRepeated(256 << 10);
        var streams = Enumerable.Range(0, 40).Select(_ => $"{pdf.AddCompressedStream(chunk)} 0 R");
        pdf.AddPage($"[{pdf.AddStream(Visible)} 0 R {string.Join(" ", streams)}]");
        var budget = Budget("many.pdf", limits);

        var e = Assert.Throws<FullTextException>(() => new PdfEvidenceReader(limits).Read(pdf.Build(), "many.pdf", budget));

        Assert.Contains("MaxPdfDecodedBytes", e.Message, StringComparison.Ordinal);
        Assert.True(budget.DecodedBytes <= limits.MaxPdfDecodedBytes, $"{budget.DecodedBytes} bytes decoded");
    }

    [Fact]
    public void Streams_within_the_limits_are_read()
    {
        var pdf = new RawPdf();
        pdf.AddPage(Visible, compress: true);
        var budget = Budget("fine.pdf");

        var evidence = new PdfEvidenceReader().Read(pdf.Build(), "fine.pdf", budget);

        Assert.Contains(evidence.Sections, s => s.Paragraphs.Any(p => p.Contains("Visible words", StringComparison.Ordinal)));
        Assert.True(budget.DecodedBytes >= Visible.Length, $"{budget.DecodedBytes} bytes decoded");
    }

    [Fact]
    public void A_page_tree_declaring_more_pages_than_the_limit_is_refused()
    {
        var pdf = new RawPdf();
        var page = pdf.AddPage(Visible);
        pdf.KidsOverride = string.Join(" ", Enumerable.Repeat($"{page} 0 R", 6_000));

        var e = Assert.Throws<FullTextException>(() => new PdfEvidenceReader().Read(pdf.Build(), "pages.pdf"));

        Assert.Contains("MaxPdfPageCount", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_forms_multiplying_operations_are_refused()
    {
        // Each form draws the next ten times: 10^9 runs of the innermost one from a few hundred bytes.
        var pdf = new RawPdf();
        var inner = pdf.AddStream(RawPdf.Ascii("0 0 m 1 1 l S"), "/Type /XObject /Subtype /Form /BBox [0 0 612 792]");
        for (var level = 0; level < 9; level++)
        {
            inner = pdf.AddStream(RawPdf.Ascii(string.Concat(Enumerable.Repeat("/X Do ", 10))), $"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X {inner} 0 R >> >>");
        }

        pdf.AddPage([.. Visible, .. RawPdf.Ascii("/X Do")], $"/XObject << /X {inner} 0 R >>");

        var e = Assert.Throws<FullTextException>(() => new PdfEvidenceReader().Read(pdf.Build(), "forms.pdf"));

        Assert.Contains("MaxPdfPageOperations", e.Message, StringComparison.Ordinal);
        Assert.Contains("page 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forms_drawing_each_other_are_refused_rather_than_overflowing_the_stack()
    {
        // Form 5 draws form 6, which draws form 5: PdfPig only catches a form drawing itself.
        var pdf = new RawPdf();
        pdf.Add("<< /Length 5 /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /B 6 0 R >> >> >>\nstream\n/B Do\nendstream");
        pdf.Add("<< /Length 5 /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /A 5 0 R >> >> >>\nstream\n/A Do\nendstream");
        pdf.AddPage([.. Visible, .. RawPdf.Ascii("/A Do")], "/XObject << /A 5 0 R >>");

        var e = Assert.Throws<FullTextException>(() => new PdfEvidenceReader().Read(pdf.Build(), "cycle.pdf"));

        Assert.Contains("MaxPdfFormNesting", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_drawing_too_many_glyphs_is_refused()
    {
        var pdf = new RawPdf();
        var form = pdf.AddStream(RawPdf.Ascii($"BT /F1 1 Tf ({new string('A', 1_000)}) Tj ET"), "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>");
        pdf.AddPage([.. Visible, .. RawPdf.Ascii(string.Concat(Enumerable.Repeat("/G Do ", 1_000)))], $"/XObject << /G {form} 0 R >>");

        var e = Assert.Throws<FullTextException>(() => new PdfEvidenceReader().Read(pdf.Build(), "glyphs.pdf"));

        Assert.Contains("MaxPdfPageGlyphs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_time_budget_is_checked_inside_a_page()
    {
        // A clock that moves a millisecond each time it is read: the page's operations run it out.
        var limits = FullTextLimits.Default with { MaxReadTime = TimeSpan.FromMilliseconds(200) };
        var pdf = new RawPdf();
        pdf.AddPage([.. Visible, .. RawPdf.Ascii(string.Concat(Enumerable.Repeat("0 0 m 1 1 l S\n", 200_000)))], compress: true);
        var budget = new ReadBudget("slow.pdf", limits, new SteppingClock());

        var e = Assert.Throws<FullTextException>(() => new PdfEvidenceReader(limits).Read(pdf.Build(), "slow.pdf", budget));

        Assert.Contains("MaxReadTime", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_stops_the_read()
    {
        var pdf = new RawPdf();
        pdf.AddPage(Visible);
        var budget = new ReadBudget("cancelled.pdf", FullTextLimits.Default, cancellationToken: new CancellationToken(canceled: true));

        Assert.ThrowsAny<OperationCanceledException>(() => new PdfEvidenceReader().Read(pdf.Build(), "cancelled.pdf", budget));
    }

    [Fact]
    public void A_damaged_font_dictionary_that_crashed_pdfpig_is_refused_by_name()
    {
        // Found by fuzzing (bench/Roundup.Fuzz, pdf target): PdfPig threw a NullReferenceException in
        // ResourceStore.LoadFontDictionary on this file's mangled font dictionary.
        var bytes = Convert.FromBase64String("JVBERi0xLjQKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL1R5cGUgL1BhZ2VzIC9LaWRzIFszIDAgUl0gL0NvdW50IDEgPj4KZW5kb2JqCjMgMCBvYmoKPDwgL1R5cGUgL1BhZ2UgL1BhcmVudCAyIDAgUiAvTWVkaWFCb3ggWzAgMCA2MTIgNzkyXSAvQ29udGVudHMgNCAwIFIgL1Jlc291cmNlcyA8PCAvRm9udCAgPCAvRjEgNSAwIFIgPj4gPj4gPj4KZW5kb2JqCjQgMCBvYmoKPDwgL0xlbmd0aCA3MyA+PgpzdHJlYW0KQlQgL0YxIDEyIFRmIDcyIDcyMCBUZCAoU3BhcnNlIHJvdXRpbmcgaXMgMy4yeCBmYXN0ZXIgb24gSW1hZ2VOZXQuKSBUaiBFVAplbmRzdHJlYUxlbmd0aCA3MyA+PgpzdHJlYW0KQlQgL0YxIDFvbnQgL1N1YnR5cGUgL1R5cGUxIC+AAHNlRm9udCAvSGVsdmV0aWNhID4+CmVuZG9iagp4cmVmCjAgNgowMDAwMDAwTDAwIDY1NTM1IGYgCjA5IDAwMDAwIG4gCjAwMDAwMDAwNTggMDAwMDAgbiAKMDAwMTE1IDAwMDAwIG4gCjAwMDAwMDAyNDEgMDAwMDAgbiAKMDAwMDAwMDM2NCAwMDAwMCBuIAp0cmFpbGVyCjw8IC9TaXplIDYgL1Jvb3QgMSAwIFIgPj4Kc3RhcnR4cmVmCjQzNAolJUVPRg==");

        var e = Assert.Throws<FullTextException>(() => new PdfEvidenceReader().Read(bytes, "fuzzed.pdf"));

        Assert.Equal("fuzzed.pdf", e.File);
        Assert.Contains("damaged or unreadable", e.Message, StringComparison.Ordinal);
    }

    private static ReadBudget Budget(string source, FullTextLimits? limits = null) => new(source, limits ?? FullTextLimits.Default);

    private sealed class SteppingClock : TimeProvider
    {
        private long _now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _now += TimeSpan.TicksPerMillisecond;
    }
}
