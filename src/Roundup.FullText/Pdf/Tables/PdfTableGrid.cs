using UglyToad.PdfPig.Content;

namespace Roundup.FullText.Pdf.Tables;

/// <summary>
/// A table's rows as cells. Header rows are the rows above the first row of numbers. Columns come from the body
/// rows (<see cref="PdfTableColumns"/>); a body word goes to the column under its centre, a header cell to every
/// column it covers (a spanning header is repeated in each). A row whose only cells sit between two rows empty there
/// (a label centred on two rows, "6 | 6" beside "OTSL" and "HTML") is a merged cell: it fills both.
/// </summary>
internal static class PdfTableGrid
{
    public sealed record Grid(List<string[]> Rows, int HeaderRows, List<TableCell> Bold);

    public static Grid? Build(List<PdfTableRow> rows)
    {
        var firstBody = rows.FindIndex(IsBody);
        var headerRows = firstBody < 0 ? 0 : firstBody;
        var columns = PdfTableColumns.Find(rows.Skip(headerRows));
        if (columns.Count < 2)
        {
            columns = PdfTableColumns.Find(rows);
            if (columns.Count < 2)
            {
                return null;
            }
        }

        var cells = new List<string[]>();
        var boldness = new List<bool[]>();
        for (var r = 0; r < rows.Count; r++)
        {
            var text = new string[columns.Count];
            var bold = new bool[columns.Count];
            if (r < headerRows)
            {
                FillHeader(rows[r], columns, text, bold);
            }
            else
            {
                FillBody(rows[r], columns, text, bold);
            }

            cells.Add(text);
            boldness.Add(bold);
        }

        MergeCentredRows(rows, cells, boldness, headerRows);
        var boldCells = new List<TableCell>();
        for (var r = 0; r < boldness.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (boldness[r][c] && cells[r][c].Length > 0)
                {
                    boldCells.Add(new TableCell(r, c));
                }
            }
        }

        return new Grid(cells, headerRows, boldCells);
    }

    /// <summary>
    /// A row of results: two numbers, or one that ends the row ("(0.75) | time (secs)" is a header); "—" and "n/a"
    /// stand in for numbers.
    /// </summary>
    private static bool IsBody(PdfTableRow row)
    {
        var numbers = row.Segments.Select(s => PdfTableCells.Text(s.Words)).Select(t => PdfTableCells.IsNumber(t) || PdfTableCells.IsNoNumber(t)).ToList();
        return numbers.Count(n => n) >= 2 || numbers[^1];
    }

    private static void FillBody(PdfTableRow row, List<(double Left, double Right)> columns, string[] text, bool[] bold)
    {
        var byColumn = new List<Word>[columns.Count];
        foreach (var word in row.Words)
        {
            var c = PdfTableColumns.At(columns, (word.BoundingBox.Left + word.BoundingBox.Right) / 2);
            (byColumn[c] ??= []).Add(word);
        }

        for (var c = 0; c < columns.Count; c++)
        {
            if (byColumn[c] is { } words)
            {
                text[c] = PdfTableCells.Text(words);
                bold[c] = PdfTableCells.IsBold(words);
            }
            else
            {
                text[c] = "";
            }
        }
    }

    private static void FillHeader(PdfTableRow row, List<(double Left, double Right)> columns, string[] text, bool[] bold)
    {
        Array.Fill(text, "");
        foreach (var segment in row.Segments)
        {
            var covered = Enumerable.Range(0, columns.Count)
                .Where(c => Overlap(segment, columns[c]) >= 0.5 * (columns[c].Right - columns[c].Left))
                .ToList();
            var centre = (segment.Left + segment.Right) / 2;
            var gap = columns.FindIndex(c => c.Left > centre);
            if (covered.Count == 0 && gap > 0 && columns[gap - 1].Right < centre && OverGap(segment, columns[gap - 1], columns[gap]))
            {
                // Centred over the gap between two columns: a header over both ("CS" over "prec. | yield").
                covered.AddRange([gap - 1, gap]);
            }
            else if (covered.Count == 0)
            {
                covered.Add(PdfTableColumns.At(columns, centre));
            }

            var cellText = PdfTableCells.Text(segment.Words);
            var cellBold = PdfTableCells.IsBold(segment.Words);
            foreach (var c in covered)
            {
                text[c] = text[c].Length == 0 ? cellText : text[c] + " " + cellText;
                bold[c] |= cellBold;
            }
        }
    }

    private static bool OverGap(PdfTableSegment segment, (double Left, double Right) left, (double Left, double Right) right)
    {
        var centre = (segment.Left + segment.Right) / 2;
        var middle = (left.Right + right.Left) / 2;
        return (Overlap(segment, left) > 0 && Overlap(segment, right) > 0) || Math.Abs(centre - middle) <= (right.Left - left.Right) / 4;
    }

    private static double Overlap(PdfTableSegment segment, (double Left, double Right) column) =>
        Math.Min(segment.Right, column.Right) - Math.Max(segment.Left, column.Left);

    /// <summary>Fills a label set between two body rows into both, and drops its own row.</summary>
    private static void MergeCentredRows(List<PdfTableRow> rows, List<string[]> cells, List<bool[]> bold, int headerRows)
    {
        for (var r = cells.Count - 2; r > headerRows; r--)
        {
            var (above, row, below) = (cells[r - 1], cells[r], cells[r + 1]);
            var filled = Enumerable.Range(0, row.Length).Where(c => row[c].Length > 0).ToList();
            var centred = Math.Abs((rows[r - 1].Baseline - rows[r].Baseline) - (rows[r].Baseline - rows[r + 1].Baseline)) < rows[r].Size * 0.4;
            if (r - 1 < headerRows || filled.Count == 0 || filled.Count == row.Length || !centred
                || filled.Any(c => above[c].Length > 0 || below[c].Length > 0)
                || Enumerable.Range(0, row.Length).All(c => above[c].Length == 0 || below[c].Length == 0))
            {
                continue;
            }

            foreach (var c in filled)
            {
                (above[c], below[c]) = (row[c], row[c]);
                (bold[r - 1][c], bold[r + 1][c]) = (bold[r][c], bold[r][c]);
            }

            cells.RemoveAt(r);
            bold.RemoveAt(r);
            rows.RemoveAt(r);
            r--;
        }
    }
}
