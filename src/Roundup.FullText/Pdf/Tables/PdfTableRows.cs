using UglyToad.PdfPig.Content;

namespace Roundup.FullText.Pdf.Tables;

/// <summary>Clusters words into rows by baseline; small raised or lowered words (footnote marks) join the row they sit on.</summary>
internal static class PdfTableRows
{
    public static List<PdfTableRow> Cluster(IReadOnlyList<Word> words)
    {
        if (words.Count == 0)
        {
            return [];
        }

        var sizes = words.Select(SizeOf).Order().ToList();
        var typical = sizes[sizes.Count / 2];
        var full = words.Where(w => SizeOf(w) >= typical * 0.8).OrderByDescending(BaselineOf).ThenBy(w => w.BoundingBox.Left).ToList();
        var rows = new List<PdfTableRow>();
        foreach (var word in full)
        {
            var last = rows.Count > 0 ? rows[^1] : null;
            if (last is null || last.Baseline - BaselineOf(word) > last.Size * 0.2)
            {
                last = new PdfTableRow(BaselineOf(word), SizeOf(word));
                rows.Add(last);
            }

            last.Add(word);
        }

        foreach (var mark in words.Where(w => SizeOf(w) < typical * 0.8))
        {
            var y = (mark.BoundingBox.Top + mark.BoundingBox.Bottom) / 2;
            var host = rows.FirstOrDefault(r => y >= r.Baseline - (r.Size * 0.4) && y <= r.Baseline + r.Size);
            if (host is null)
            {
                host = new PdfTableRow(BaselineOf(mark), SizeOf(mark));
                rows.Add(host);
            }

            host.Add(mark);
        }

        return [.. rows.OrderByDescending(r => r.Baseline)];
    }

    public static double BaselineOf(Word word) => word.Letters.Count > 0 ? word.Letters[0].StartBaseLine.Y : word.BoundingBox.Bottom;

    public static double SizeOf(Word word) => word.Letters.Count > 0 ? word.Letters.Max(l => l.PointSize) : word.BoundingBox.Height;
}
