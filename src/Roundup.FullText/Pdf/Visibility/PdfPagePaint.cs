namespace Roundup.FullText.Pdf.Visibility;

/// <summary>What a page paints, in order: its glyphs (one per letter PdfPig reads, in the same order) and its opaque rectangles.</summary>
internal sealed record PdfPagePaint(int Number, IReadOnlyList<PdfGlyphPaint> Glyphs, IReadOnlyList<PdfFillPaint> Fills);
