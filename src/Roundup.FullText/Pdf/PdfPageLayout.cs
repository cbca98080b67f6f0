using System.Text;
using System.Text.RegularExpressions;
using Roundup.FullText.Pdf.Tables;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Util;

namespace Roundup.FullText.Pdf;

/// <summary>
/// One page's visible lines in reading order, and its hidden letters reported (by colour, size, render mode and
/// position here, by how they were painted in <see cref="Visibility.PdfVisibility"/>). Words are grouped into blocks
/// (Docstrum); blocks that span the page cut it into bands, and within a band the left column is read before the right.
/// Tables are read from the same visible words (<see cref="PdfPageTables"/>), handed on with their caption's first
/// line, and their rows left out of the lines.
/// </summary>
internal static partial class PdfPageLayout
{
    private static readonly DocstrumBoundingBoxes Docstrum = new();

    /// <param name="painted">What a reader sees of each of the page's letters, by how it was painted (null: visible).</param>
    public static List<PdfLine> Lines(Page page, IReadOnlyList<HiddenTextKind?> painted, EvidenceBuilder builder, ref int blockCounter)
    {
        var crop = page.CropBox.Bounds;
        var darkFills = DarkFills(page);
        var visible = new List<Letter>();
        var hidden = new Dictionary<HiddenTextKind, List<Letter>>();
        var pageLetters = page.Letters;
        for (var i = 0; i < pageLetters.Count; i++)
        {
            var letter = pageLetters[i];
            var kind = PdfHiddenLetters.Classify(letter, crop, darkFills);
            if (kind is null && i < painted.Count && painted[i] is { } paintedKind)
            {
                if (!string.IsNullOrWhiteSpace(letter.Value))
                {
                    kind = paintedKind;
                }
                else if (paintedKind == HiddenTextKind.PdfSqueezed && hidden.TryGetValue(paintedKind, out var squeezed))
                {
                    squeezed.Add(letter);   // squeezed words touch: their spaces are all that parts them
                    continue;
                }
            }

            if (kind is { } hiddenKind)
            {
                (hidden.TryGetValue(hiddenKind, out var list) ? list : hidden[hiddenKind] = []).Add(letter);
            }
            else if (letter.TextOrientation == TextOrientation.Horizontal)
            {
                visible.Add(letter);
            }
        }

        foreach (var (kind, letters) in hidden)
        {
            builder.AddHidden(kind, kind == HiddenTextKind.PdfSqueezed ? string.Concat(letters.Select(l => l.Value)) : TextOf(letters), $"page {page.Number}");
        }

        if (visible.Count == 0)
        {
            return [];
        }

        var words = JoinSmallCaps(DefaultWordExtractor.Instance.GetWords(visible).ToList());
        var blocks = Docstrum.GetBlocks(words).Where(b => !IsPageNumber(b, crop)).ToList();
        var tables = PdfPageTables.Read(page.Number, words, blocks, crop, builder);
        var inTables = new HashSet<Word>(tables.SelectMany(t => t.Words), ReferenceEqualityComparer.Instance);
        var lines = new List<PdfLine>();
        foreach (var (block, column) in Order(blocks, crop))
        {
            var id = blockCounter++;
            var table = tables.Find(t => ReferenceEquals(t.CaptionBlock, block))?.Table;
            foreach (var line in block.TextLines)
            {
                // A table's cells are read as its rows, not again as sentences of the body.
                if (inTables.Count > 0 && line.Words.Count(inTables.Contains) * 2 > line.Words.Count)
                {
                    continue;
                }

                var letters = line.Words.SelectMany(w => w.Letters).ToList();
                var size = letters.Select(l => l.PointSize).Order().ElementAt(letters.Count / 2);
                var bold = letters.Count(PdfHiddenLetters.IsBold) * 2 > letters.Count;
                lines.Add(new PdfLine(page.Number, line.Text, line.BoundingBox, Math.Round(size, 1), bold, id, column) { Table = table });
                table = null;
            }
        }

        return MergeSplitLines(lines);
    }

    /// <summary>
    /// Joins pieces of one printed line that block detection split apart: a heading's number and its title ("1" and
    /// "Introduction" set an em apart), or a bold run-in lead ("Results.") and the sentence after it.
    /// </summary>
    private static List<PdfLine> MergeSplitLines(List<PdfLine> lines)
    {
        var merged = new List<PdfLine>(lines.Count);
        var used = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            // A heading number may sort after its title (a digit's top is below a capital's): look both ways.
            if (HeadingNumber().IsMatch(lines[i].Text.Trim()))
            {
                for (var j = 0; j < lines.Count; j++)
                {
                    if (j != i && !used[j] && SameLine(lines[i], lines[j]))
                    {
                        used[j] = true;
                        lines[i] = Join(lines[i], lines[j], lines[j].Bold);
                        break;
                    }
                }
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (used[i])
            {
                continue;
            }

            var line = lines[i];
            for (var j = i + 1; j < lines.Count; j++)
            {
                if (!used[j] && SameLine(line, lines[j]))
                {
                    used[j] = true;
                    line = Join(line, lines[j], line.Bold && lines[j].Bold);
                }
            }

            merged.Add(line);
        }

        return merged;
    }

    private static bool SameLine(PdfLine line, PdfLine next)
    {
        var gap = next.Bounds.Left - line.Bounds.Right;
        return next.Column == line.Column && next.Page == line.Page && Math.Abs(next.Bounds.Bottom - line.Bounds.Bottom) < line.FontSize * 0.3
            && gap > -1 && gap < line.FontSize * 2.5;
    }

    private static PdfLine Join(PdfLine line, PdfLine next, bool bold) => line with
    {
        Text = line.Text + " " + next.Text,
        Bounds = new PdfRectangle(line.Bounds.Left, Math.Min(line.Bounds.Bottom, next.Bounds.Bottom), next.Bounds.Right, Math.Max(line.Bounds.Top, next.Bounds.Top)),
        Bold = bold,
        FontSize = Math.Max(line.FontSize, next.FontSize),
    };

    private static IEnumerable<(TextBlock Block, int Column)> Order(List<TextBlock> blocks, PdfRectangle crop)
    {
        var mid = (crop.Left + crop.Right) / 2;
        var tolerance = crop.Width * 0.02;
        int ColumnOf(TextBlock b) => b.BoundingBox.Right <= mid + tolerance ? 1 : b.BoundingBox.Left >= mid - tolerance ? 2 : 0;

        var spanning = blocks.Where(b => ColumnOf(b) == 0).OrderByDescending(b => b.BoundingBox.Top).ToList();
        int BandOf(TextBlock b) => spanning.Count(s => s.BoundingBox.Centroid.Y > b.BoundingBox.Centroid.Y);

        var columns = blocks.Where(b => ColumnOf(b) != 0).GroupBy(BandOf).ToDictionary(g => g.Key, g => g.ToList());
        for (var band = 0; band <= spanning.Count; band++)
        {
            if (columns.TryGetValue(band, out var inBand))
            {
                foreach (var b in inBand.OrderBy(ColumnOf).ThenByDescending(b => b.BoundingBox.Top))
                {
                    yield return (b, ColumnOf(b));
                }
            }

            if (band < spanning.Count)
            {
                yield return (spanning[band], 0);
            }
        }
    }

    private static List<PdfRectangle> DarkFills(Page page)
    {
        var fills = new List<PdfRectangle>();
        foreach (var path in page.Paths)
        {
            if (path.IsFilled && !PdfHiddenLetters.IsNearWhite(path.FillColor) && path.GetBoundingRectangle() is { } box)
            {
                fills.Add(box);
            }
        }

        return fills;
    }

    /// <summary>
    /// Joins a word the extractor cut where the letter size changes with no gap: small capitals set as a large first
    /// letter and smaller ones ("L" + "ONG" + "E" + "VAL" is LONGEVAL, "S" + "CI" + "D" + "OCS" is SCIDOCS).
    /// </summary>
    private static List<Word> JoinSmallCaps(List<Word> words)
    {
        var joined = new List<Word>(words.Count);
        foreach (var word in words)
        {
            if (joined.Count > 0 && Touches(joined[^1].Letters[^1], word.Letters[0]))
            {
                joined[^1] = new Word([.. joined[^1].Letters, .. word.Letters]);
            }
            else
            {
                joined.Add(word);
            }
        }

        return joined;
    }

    private static bool Touches(Letter before, Letter after)
    {
        var size = Math.Max(before.PointSize, after.PointSize);
        // From where the first letter's advance ends to where the next starts: a space is a quarter em or so, the
        // tracking of small capitals a twentieth.
        var gap = after.StartBaseLine.X - before.EndBaseLine.X;
        return size > 0
            && Math.Abs(before.PointSize - after.PointSize) > size * 0.1
            && gap > -size * 0.1 && gap < size * 0.12
            && Math.Abs(before.StartBaseLine.Y - after.StartBaseLine.Y) < size * 0.1
            && before.Value.Length > 0 && char.IsLetterOrDigit(before.Value[^1])
            && after.Value.Length > 0 && char.IsLetterOrDigit(after.Value[0]);
    }

    private static bool IsPageNumber(TextBlock block, PdfRectangle crop) =>
        PageNumber().IsMatch(block.Text.Trim())
        && (block.BoundingBox.Top < crop.Bottom + (crop.Height * 0.1) || block.BoundingBox.Bottom > crop.Top - (crop.Height * 0.1));

    /// <summary>Hidden letters as words in reading order (top to bottom, left to right).</summary>
    private static string TextOf(List<Letter> letters)
    {
        var words = NearestNeighbourWordExtractor.Instance.GetWords(letters)
            .OrderByDescending(w => Math.Round(w.BoundingBox.Bottom))
            .ThenBy(w => w.BoundingBox.Left);
        var sb = new StringBuilder();
        foreach (var word in words)
        {
            sb.Append(word.Text).Append(' ');
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^(?:\d{1,2}(?:\.\d{1,2})*|[A-Z](?:\.\d{1,2})*|[IVX]{1,4})\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingNumber();

    [GeneratedRegex(@"^(\d{1,4}|[ivxlc]{1,6})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();
}
