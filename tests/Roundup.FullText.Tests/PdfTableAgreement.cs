namespace Roundup.FullText.Tests;

/// <summary>
/// A table's expected cells, checked by hand against the PDF (its rendering and <c>pdftotext -layout</c>): the body
/// rows below the header cell by cell, and for each column a phrase its header holds.
/// </summary>
public sealed record ExpectedPdfTable(string Pdf, string Label, int Page, string[] HeaderPhrases, string[][] Body)
{
    public int Cells => HeaderPhrases.Length + Body.Sum(r => r.Length);

    /// <summary>Share of the expected cells found at the right row and column (header phrases in the right column).</summary>
    public double Agreement(EvidenceTable table)
    {
        var found = 0;
        for (var c = 0; c < HeaderPhrases.Length; c++)
        {
            var header = c < Width(table) ? string.Join(" ", table.Rows.Take(table.HeaderRows).Select(r => r[c])) : "";
            found += header.Contains(HeaderPhrases[c], StringComparison.Ordinal) ? 1 : 0;
        }

        for (var r = 0; r < Body.Length; r++)
        {
            var row = table.HeaderRows + r < table.Rows.Count ? table.Rows[table.HeaderRows + r] : [];
            for (var c = 0; c < Body[r].Length; c++)
            {
                found += c < row.Count && row[c] == Body[r][c] ? 1 : 0;
            }
        }

        return (double)found / Cells;
    }

    private static int Width(EvidenceTable table) => table.Rows.Count == 0 ? 0 : table.Rows[0].Count;
}
