namespace Roundup.FullText.Pdf.Tables;

/// <summary>
/// Columns from the x-extents of the cells of the body rows: where cells of different rows overlap they share a
/// column, and a gap that no row (or only one stray row of many) crosses separates two columns. One sort and one sweep.
/// </summary>
internal static class PdfTableColumns
{
    public static List<(double Left, double Right)> Find(IEnumerable<PdfTableRow> rows)
    {
        var gridRows = rows.Where(r => r.Segments.Count >= 2).ToList();
        var allowance = gridRows.Count >= 6 ? 1 : 0;
        var edges = new List<(double X, int Step)>();
        foreach (var segment in gridRows.SelectMany(r => r.Segments))
        {
            edges.Add((segment.Left, 1));
            edges.Add((segment.Right, -1));
        }

        // Starts sort before ends at the same x, so touching cells count as overlapping.
        edges.Sort((a, b) => a.X != b.X ? a.X.CompareTo(b.X) : b.Step.CompareTo(a.Step));
        var columns = new List<(double Left, double Right)>();
        var depth = 0;
        var start = 0.0;
        foreach (var (x, step) in edges)
        {
            var before = depth;
            depth += step;
            if (before <= allowance && depth > allowance)
            {
                start = x;
            }
            else if (before > allowance && depth <= allowance)
            {
                columns.Add((start, x));
            }
        }

        return columns;
    }

    /// <summary>The column holding x, or the nearest one.</summary>
    public static int At(List<(double Left, double Right)> columns, double x)
    {
        var best = 0;
        var bestDistance = double.MaxValue;
        for (var i = 0; i < columns.Count; i++)
        {
            var distance = x < columns[i].Left ? columns[i].Left - x : x > columns[i].Right ? x - columns[i].Right : 0;
            if (distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }
}
