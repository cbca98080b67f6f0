namespace Roundup.FullText.Pdf.Visibility;

/// <summary>What a page paints, in order: one glyph per <c>RenderGlyph</c> (PdfPig's letters, before diacritics are merged) and its opaque rectangles.</summary>
internal sealed record PdfPagePaint(int Number, IReadOnlyList<PdfGlyphPaint> Glyphs, IReadOnlyList<PdfFillPaint> Fills);
