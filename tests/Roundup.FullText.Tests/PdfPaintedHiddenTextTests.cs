using Roundup.FullText.Pdf;
using Roundup.FullText.Tests.Fixtures;

namespace Roundup.FullText.Tests;

/// <summary>Text hidden by how it is painted rather than by its own colour or size: squeezed, clipped, covered, or in a layer that is off.</summary>
public sealed class PdfPaintedHiddenTextTests
{
    public enum Technique
    {
        Squeezed,
        Clipped,
        Covered,
        LayerOff,
    }

    [Theory]
    [InlineData(Technique.Squeezed, HiddenTextKind.PdfSqueezed)]
    [InlineData(Technique.Clipped, HiddenTextKind.PdfClipped)]
    [InlineData(Technique.Covered, HiddenTextKind.PdfCoveredByShape)]
    [InlineData(Technique.LayerOff, HiddenTextKind.PdfOptionalContentOff)]
    public void Text_hidden_by_painting_is_reported_with_its_technique_and_page(Technique technique, HiddenTextKind expected)
    {
        var evidence = new PdfEvidenceReader().Read(Paper(technique), $"{technique}.pdf");

        var finding = Assert.Single(evidence.HiddenText);
        Assert.Equal(expected, finding.Kind);
        Assert.Contains(PdfFixtures.Injection, finding.Text, StringComparison.Ordinal);
        Assert.Equal("page 2", finding.Location);
        Assert.Contains(evidence.Sections, s => s.Paragraphs.Any(p => p.Contains("visible things", StringComparison.Ordinal)));
        Assert.Contains(evidence.Sections, s => s.Paragraphs.Any(p => p.Contains("experiments are visible", StringComparison.Ordinal)));
        EvidenceAssert.NowhereVisible(evidence, "IGNORE");
    }

    [Fact]
    public void Near_misses_stay_visible()
    {
        // A slightly condensed line, text inside its clip, a box drawn under the text, a layer that is on.
        const string nearMisses =
            "q BT /F1 10 Tf 85 Tz 56 655 Td (Condensed but readable words.) Tj ET Q\n"
            + "q 0.9 0.9 0.9 rg 50 630 500 15 re f Q BT /F1 10 Tf 56 635 Td (Shaded box under these words.) Tj ET\n"
            + "q 50 560 500 30 re W n BT /F1 10 Tf 56 570 Td (Clipped around but inside it.) Tj ET Q\n"
            + "/OC /on BDC BT /F1 10 Tf 56 545 Td (In a layer that is shown.) Tj ET EMC\n";
        var pdf = new RawPdf { CatalogExtra = "/OCProperties << /OCGs [5 0 R] /D << /ON [5 0 R] >> >>" };
        pdf.Add("<< /Type /OCG /Name (Shown) >>");
        pdf.AddPage(Page(nearMisses), "/Properties << /on 5 0 R >>");

        var evidence = new PdfEvidenceReader().Read(pdf.Build(), "near-misses.pdf");

        Assert.Empty(evidence.HiddenText);
        var text = string.Join(" ", evidence.Sections.SelectMany(s => s.Paragraphs));
        foreach (var words in new[] { "Condensed but readable", "Shaded box under", "inside it", "layer that is shown" })
        {
            Assert.Contains(words, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_layer_whose_base_state_is_off_hides_groups_not_listed_as_on()
    {
        var pdf = new RawPdf { CatalogExtra = "/OCProperties << /OCGs [5 0 R] /D << /BaseState /OFF >> >>" };
        pdf.Add("<< /Type /OCG /Name (Notes) >>");
        pdf.AddPage(Page($"/OC /hidden BDC BT /F1 10 Tf 56 655 Td ({PdfFixtures.Injection}) Tj ET EMC\n"), "/Properties << /hidden 5 0 R >>");

        var evidence = new PdfEvidenceReader().Read(pdf.Build(), "base-off.pdf");

        Assert.Equal(HiddenTextKind.PdfOptionalContentOff, Assert.Single(evidence.HiddenText).Kind);
    }

    [Fact]
    public void A_form_in_a_layer_that_is_off_is_hidden()
    {
        var pdf = new RawPdf { CatalogExtra = "/OCProperties << /OCGs [5 0 R] /D << /OFF [5 0 R] >> >>" };
        pdf.Add("<< /Type /OCG /Name (Hidden) >>");
        var form = pdf.AddStream(RawPdf.Ascii($"BT /F1 10 Tf 56 655 Td ({PdfFixtures.Injection}) Tj ET"), "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /OC 5 0 R /Resources << /Font << /F1 3 0 R >> >>");
        pdf.AddPage(Page("/Fm0 Do\n"), $"/XObject << /Fm0 {form} 0 R >>");

        var evidence = new PdfEvidenceReader().Read(pdf.Build(), "form-layer.pdf");

        Assert.Equal(HiddenTextKind.PdfOptionalContentOff, Assert.Single(evidence.HiddenText).Kind);
    }

    /// <summary>A two-page paper; the injection sits on page 2 between two visible paragraphs, hidden by <paramref name="technique"/>.</summary>
    private static byte[] Paper(Technique technique)
    {
        var injection = $"BT /F1 10 Tf 56 655 Td ({PdfFixtures.Injection}) Tj ET";
        var (trick, resources, catalog) = technique switch
        {
            Technique.Squeezed => ($"q BT /F1 10 Tf 1 Tz 56 655 Td ({PdfFixtures.Injection}) Tj ET Q", "", ""),
            Technique.Clipped => ($"q 56 600 300 20 re W n {injection} Q", "", ""),
            Technique.Covered => ($"{injection} q 1 1 1 rg 50 650 520 15 re f Q", "", ""),
            _ => ($"/OC /oc1 BDC {injection} EMC", "/Properties << /oc1 5 0 R >>", "/OCProperties << /OCGs [5 0 R] /D << /OFF [5 0 R] >> >>"),
        };
        var pdf = new RawPdf { CatalogExtra = catalog };
        pdf.Add("<< /Type /OCG /Name (Reviewer notes) >>");
        pdf.AddPage(RawPdf.Ascii("BT /F2 18 Tf 200 740 Td (Hidden Text Paper) Tj ET BT /F1 10 Tf 56 700 Td (A first page with an abstract of sorts.) Tj ET"));
        pdf.AddPage(Page(trick + "\n"), resources);
        return pdf.Build();
    }

    /// <summary>A page with an introduction and an experiments section, <paramref name="middle"/> drawn between them.</summary>
    private static byte[] Page(string middle) => RawPdf.Ascii(
        "BT /F2 12 Tf 56 690 Td (1 Introduction) Tj ET\n"
        + "BT /F1 10 Tf 56 670 Td (We study visible things in this paper, carefully.) Tj ET\n"
        + middle
        + "BT /F2 12 Tf 56 520 Td (2 Experiments) Tj ET\n"
        + "BT /F1 10 Tf 56 500 Td (The experiments are visible too.) Tj ET\n");
}
