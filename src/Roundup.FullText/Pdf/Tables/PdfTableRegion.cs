using UglyToad.PdfPig.Content;

namespace Roundup.FullText.Pdf.Tables;

/// <summary>
/// Finds a table's rows next to its caption: walking away from the caption (above or below, whichever side holds a
/// grid), rows are taken while they are close together and not prose; a line of running text, another caption or a
/// wide gap ends the table.
/// </summary>
internal static class PdfTableRegion
{
    /// <summary>Rows of a table: at least this many must show two or more cells, else there is no grid (an image?).</summary>
    public const int MinGridRows = 2;

    private const int MaxRows = 80;

    /// <param name="rows">The rows of the caption's column (or of the page, for a caption across it), top to bottom, caption words left out.</param>
    /// <param name="width">Width of that column or page: a line of prose fills much of it.</param>
    public static List<PdfTableRow> Find(PdfTableCaption caption, List<PdfTableRow> rows, double width)
    {
        var above = Walk(rows.Where(r => r.Bottom >= caption.Bounds.Top - 1).Reverse(), caption.Bounds.Top, true, width);
        var below = Walk(rows.Where(r => r.Top <= caption.Bounds.Bottom + 1), caption.Bounds.Bottom, false, width);
        var side = GridRows(above) >= GridRows(below) ? above : below;
        if (ReferenceEquals(side, above))
        {
            side.Reverse();
        }

        return GridRows(side) >= MinGridRows ? side : [];
    }

    private static int GridRows(List<PdfTableRow> rows) => rows.Count(r => r.Segments.Count >= 2);

    private static List<PdfTableRow> Walk(IEnumerable<PdfTableRow> outward, double edge, bool up, double width)
    {
        var taken = new List<PdfTableRow>();
        var largest = 0.0;
        foreach (var row in outward)
        {
            var gap = up ? row.Bottom - edge : edge - row.Top;
            var allowed = row.Size * (taken.Count == 0 ? 4.0 : 2.6);
            // Type larger than the table's own is the next heading or running text.
            var larger = taken.Count > 0 && row.Size > largest * 1.3;
            if (gap > allowed || larger || StartsCaption(row) || IsProse(row, width) || taken.Count >= MaxRows)
            {
                break;
            }

            taken.Add(row);
            largest = Math.Max(largest, row.Size);
            edge = up ? row.Top : row.Bottom;
        }

        return taken;
    }

    /// <summary>Another figure's or table's caption.</summary>
    private static bool StartsCaption(PdfTableRow row) =>
        row.Segments[0].Words is [var first, var second, ..]
        && first.Text is "Figure" or "Fig." or "Table" or "FIGURE" or "TABLE"
        && char.IsDigit(second.Text[0]);

    /// <summary>
    /// A line of running text: a long run of words (not numbers) with no cell gap across much of the column, or the end of a
    /// sentence begun on the line before ("mathematical abilities of small models.").
    /// </summary>
    private static bool IsProse(PdfTableRow row, double width)
    {
        var runs = row.Runs();
        return runs.Any(s => s.Words.Count >= 6 && s.Width >= width * 0.3 && s.Words.Count(w => w.Text.Any(char.IsLetter)) * 4 > s.Words.Count * 3)
            || (runs is [{ Words.Count: >= 3 } only] && char.IsLower(only.Words[0].Text[0]) && only.Words[^1].Text.EndsWith('.'));
    }
}
