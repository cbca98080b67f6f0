using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis;

namespace Roundup.FullText.Pdf.Tables;

/// <summary>A table read from a page, the caption block it belongs to, and the words it took from the page.</summary>
internal sealed record PdfPageTable(TextBlock CaptionBlock, EvidenceTable Table, IReadOnlyCollection<Word> Words);

/// <summary>
/// Reads the tables of one page from its visible words: each "Table N" caption block, the grid of rows next to it
/// (<see cref="PdfTableRegion"/>), cut into cells (<see cref="PdfTableGrid"/>). A caption with no grid beside it (the
/// table is an image) or a layout the reader cannot follow gives a warning, never an exception.
/// </summary>
internal static class PdfPageTables
{
    public static List<PdfPageTable> Read(int page, IReadOnlyList<Word> words, IReadOnlyList<TextBlock> blocks, PdfRectangle crop, EvidenceBuilder builder)
    {
        var captions = blocks.Select(PdfTableCaption.Read).OfType<PdfTableCaption>().ToList();
        if (captions.Count == 0)
        {
            return [];
        }

        var captionWords = new HashSet<Word>(captions.SelectMany(c => c.Words), ReferenceEqualityComparer.Instance);
        var candidates = words.Where(w => !captionWords.Contains(w)).ToList();
        var mid = (crop.Left + crop.Right) / 2;
        var twoColumns = blocks.Any(b => b.TextLines.Count >= 3 && b.BoundingBox.Left >= mid - (crop.Width * 0.02));
        var tables = new List<PdfPageTable>();
        var taken = new HashSet<Word>(ReferenceEqualityComparer.Instance);
        foreach (var caption in captions)
        {
            try
            {
                var (inRange, width) = Column(caption, candidates, crop, mid, twoColumns);
                var rows = PdfTableRows.Cluster([.. inRange.Where(w => !taken.Contains(w))]);
                var region = PdfTableRegion.Find(caption, rows, width);
                var grid = region.Count > 0 ? PdfTableGrid.Build(region) : null;
                if (grid is null)
                {
                    builder.Warn($"{caption.Label} (page {page}): no grid of cells beside its caption (an image, or a table of running text?); not read as a table");
                    continue;
                }

                var used = region.SelectMany(r => r.Words).ToList();
                taken.UnionWith(used);
                var table = new EvidenceTable([.. grid.Rows])
                {
                    Label = caption.Label,
                    Caption = caption.Caption,
                    HeaderRows = grid.HeaderRows,
                    Bold = grid.Bold,
                    Page = page,
                };
                tables.Add(new PdfPageTable(caption.Block, table, used));
            }
            catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException or FullTextException))
            {
                // A layout this reader does not follow costs the table, never the page's text.
                builder.Warn($"{caption.Label} (page {page}): its layout could not be read as a table ({e.Message})");
            }
        }

        return tables;
    }

    /// <summary>The words of the caption's column on a two-column page, or of the whole page when the caption spans it.</summary>
    private static (List<Word> Words, double Width) Column(PdfTableCaption caption, List<Word> words, PdfRectangle crop, double mid, bool twoColumns)
    {
        var tolerance = crop.Width * 0.02;
        if (twoColumns && caption.Bounds.Right <= mid + tolerance)
        {
            return ([.. words.Where(w => w.BoundingBox.Centroid.X < mid)], mid - crop.Left);
        }

        if (twoColumns && caption.Bounds.Left >= mid - tolerance)
        {
            return ([.. words.Where(w => w.BoundingBox.Centroid.X > mid)], crop.Right - mid);
        }

        return (words as List<Word> ?? [.. words], crop.Width);
    }
}
