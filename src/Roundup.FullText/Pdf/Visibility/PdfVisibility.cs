using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Roundup.FullText.Pdf.Visibility;

/// <summary>
/// What a reader sees of each of PdfPig's letters, from the page's paint record: hidden by an optional-content
/// layer that is off, drawn outside the clip, squeezed flat, or covered by an opaque rectangle painted after it.
/// Letters are matched to painted glyphs in order and by box (PdfPig merges a diacritic into the letter before it,
/// so a glyph may have no letter); a letter with no glyph is judged visible.
/// </summary>
internal static class PdfVisibility
{
    /// <summary>Share of a glyph's box a later opaque rectangle must cover to hide it.</summary>
    public const double CoveredShare = 0.8;

    private const double BoxTolerance = 1e-6;

    public static HiddenTextKind?[] Classify(IReadOnlyList<Letter> letters, PdfPagePaint paint, ReadBudget budget)
    {
        var kinds = new HiddenTextKind?[letters.Count];
        var glyphs = paint.Glyphs;
        var next = 0;
        long comparisons = 0;
        for (var i = 0; i < letters.Count && next < glyphs.Count; i++)
        {
            var match = -1;
            for (var j = next; j < glyphs.Count && j < next + 8; j++)
            {
                if (SameBox(letters[i].BoundingBox, glyphs[j].Box))
                {
                    match = j;
                    break;
                }
            }

            if (match < 0)
            {
                continue;
            }

            next = match + 1;
            var glyph = glyphs[match];
            kinds[i] = glyph switch
            {
                { InHiddenLayer: true } => HiddenTextKind.PdfOptionalContentOff,
                { OutsideClip: true } => HiddenTextKind.PdfClipped,
                { Squeezed: true } => HiddenTextKind.PdfSqueezed,
                _ when Covered(glyph, paint.Fills, budget, ref comparisons) => HiddenTextKind.PdfCoveredByShape,
                _ => null,
            };
        }

        return kinds;
    }

    private static bool Covered(PdfGlyphPaint glyph, IReadOnlyList<PdfFillPaint> fills, ReadBudget budget, ref long comparisons)
    {
        var box = PdfPaintProcessor.Bounds(glyph.Box);
        var area = box.Width * box.Height;
        if (area <= 0)
        {
            return false;
        }

        foreach (var fill in fills)
        {
            if (++comparisons % 65_536 == 0)
            {
                budget.Check();
            }

            if (fill.Sequence < glyph.Sequence)
            {
                continue;
            }

            var width = Math.Min(box.Right, fill.Box.Right) - Math.Max(box.Left, fill.Box.Left);
            var height = Math.Min(box.Top, fill.Box.Top) - Math.Max(box.Bottom, fill.Box.Bottom);
            if (width > 0 && height > 0 && width * height >= area * CoveredShare)
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameBox(PdfRectangle a, PdfRectangle b) =>
        Close(a.BottomLeft, b.BottomLeft) && Close(a.TopRight, b.TopRight);

    private static bool Close(PdfPoint a, PdfPoint b) =>
        Math.Abs(a.X - b.X) <= BoxTolerance * (1 + Math.Abs(a.X)) && Math.Abs(a.Y - b.Y) <= BoxTolerance * (1 + Math.Abs(a.Y));
}
