using Roundup.FullText;

namespace Roundup.Writing.Grounding;

/// <summary>A table's cells with where each stands: the table, its row (the row's first cell) and its column (the headers above it).</summary>
internal static class TableCells
{
    private const int MaxNameLength = 40;

    public static IEnumerable<(string Text, string Place)> Placed(EvidenceTable table)
    {
        var headerRows = Math.Clamp(table.HeaderRows, 1, table.Rows.Count);
        var width = table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Count);
        var columns = Enumerable.Range(0, width)
            .Select(c => Short(string.Join(" ", Enumerable.Range(0, headerRows).Select(h => table.Rows[h].ElementAtOrDefault(c) ?? "").Where(t => t.Length > 0).Distinct(StringComparer.Ordinal))))
            .ToArray();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            for (var c = 0; c < row.Count; c++)
            {
                var place = r < headerRows || c == 0
                    ? $"{table.Name}, row {r + 1}, column {c + 1}"
                    : $"{table.Name}, row \u201c{Short(row[0])}\u201d, column \u201c{columns[c]}\u201d";
                yield return (row[c], place);
            }
        }
    }

    private static string Short(string text) => text.Length <= MaxNameLength ? text : text[..(MaxNameLength - 1)] + "\u2026";
}
