using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Roundup.FullText.Tests.Fixtures;

/// <summary>Two-column pages with tables, made with PdfPig's builder.</summary>
public static class PdfTableFixtures
{
    public const string HiddenCell = "99.9";

    /// <summary>
    /// A table in the left column, its caption below it: numbers with an error ("+/-": the builder's standard
    /// encoding writes "±" as an en dash), a bold row, a footnote mark, "—" and "n/a" cells,
    /// an empty cell with white text painted in it; the right column is running text.
    /// </summary>
    public static byte[] TableInLeftColumn()
    {
        var (builder, page, font, bold) = TwoColumnPage("1 Introduction", "2 Method");
        Row(page, font, 9, 530, (56, "Method"), (130, "Acc."), (195, "F1"), (240, "Time"));
        Row(page, font, 9, 516, (56, "Baseline"), (130, "70.1 +/- 0.4"), (195, "65.0"), (240, "n/a"));
        Row(page, bold, 9, 504, (56, "Ours"), (130, "72.4 +/- 0.3"));
        Row(page, font, 9, 504, (195, "68.2*"), (240, "—"));
        Row(page, font, 9, 492, (56, "Ablation"), (130, "71.0"), (240, "12"));
        page.SetTextAndFillColor(255, 255, 255);
        page.AddText(HiddenCell, 9, new PdfPoint(195, 492), font);
        page.ResetColor();
        page.AddText("Table 1: Results on the test set.", 10, new PdfPoint(56, 468), font);
        Prose(page, font, 56, 440, 4);
        return builder.Build();
    }

    /// <summary>A table across both columns under its caption, with a header spanning two of its columns.</summary>
    public static byte[] TableAcrossColumns()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(PageSize.Letter);
        page.AddText("A Paper With A Wide Table", 18, new PdfPoint(150, 740), bold);
        page.AddText("Table 2: Scores on every benchmark of the suite, across the page.", 10, new PdfPoint(130, 705), font);
        Row(page, font, 9, 685, (222, "Accuracy"));
        Row(page, font, 9, 673, (56, "Model"), (200, "Dev"), (260, "Test"), (340, "Speed"), (420, "Memory"), (500, "Notes"));
        Row(page, font, 9, 661, (56, "Small baseline"), (200, "61.2"), (260, "60.8"), (340, "1.0x"), (420, "2 GB"), (500, "none"));
        Row(page, font, 9, 649, (56, "Our large model"), (200, "66.9"), (260, "65.1"), (340, "3.2x"), (420, "8 GB"), (500, "n/a"));
        page.AddText("1 Introduction", 12, new PdfPoint(56, 610), bold);
        Prose(page, font, 56, 590, 10);
        page.AddText("2 Method", 12, new PdfPoint(320, 610), bold);
        Prose(page, font, 320, 590, 10);
        return builder.Build();
    }

    /// <summary>A caption with only running text around it: the table itself is a picture.</summary>
    public static byte[] TableAsImage()
    {
        var (builder, page, font, _) = TwoColumnPage("1 Introduction", "2 Method");
        page.AddText("Table 3: A table printed as an image.", 10, new PdfPoint(56, 468), font);
        Prose(page, font, 56, 440, 4);
        return builder.Build();
    }

    private static (PdfDocumentBuilder, PdfPageBuilder, PdfDocumentBuilder.AddedFont, PdfDocumentBuilder.AddedFont) TwoColumnPage(string left, string right)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(PageSize.Letter);
        page.AddText("A Paper With A Table", 18, new PdfPoint(180, 740), bold);
        page.AddText(left, 12, new PdfPoint(56, 700), bold);
        Prose(page, font, 56, 680, 8);
        page.AddText(right, 12, new PdfPoint(320, 700), bold);
        Prose(page, font, 320, 680, 20);
        return (builder, page, font, bold);
    }

    private static void Row(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, double size, double y, params (double X, string Text)[] cells)
    {
        foreach (var (x, text) in cells)
        {
            page.AddText(text, size, new PdfPoint(x, y), font);
        }
    }

    private static void Prose(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, double x, double y, int lines)
    {
        for (var line = 0; line < lines; line++)
        {
            page.AddText($"Running text of the paper on line {line} goes here.", 10, new PdfPoint(x, y - (line * 12)), font);
        }
    }
}
