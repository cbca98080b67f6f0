using UglyToad.PdfPig.Content;

namespace Roundup.FullText.Pdf.Tables;

/// <summary>Words that share a baseline (with the footnote marks raised or lowered beside them), left to right.</summary>
internal sealed class PdfTableRow(double baseline, double size)
{
    private List<PdfTableSegment>? _segments;

    public List<Word> Words { get; } = [];

    public double Baseline { get; } = baseline;

    /// <summary>The row's text size: its first full-size word's.</summary>
    public double Size { get; } = size;

    public double Top { get; private set; } = double.MinValue;

    public double Bottom { get; private set; } = double.MaxValue;

    public double Left => Words.Count == 0 ? 0 : Words.Min(w => w.BoundingBox.Left);

    public double Right => Words.Count == 0 ? 0 : Words.Max(w => w.BoundingBox.Right);

    public void Add(Word word)
    {
        Words.Add(word);
        _segments = null;
        Top = Math.Max(Top, word.BoundingBox.Top);
        Bottom = Math.Min(Bottom, word.BoundingBox.Bottom);
    }

    /// <summary>
    /// The row cut where the space between two words is wider than a word space (a quarter em; tight tables leave
    /// half an em between columns): the cells as printed, before columns are known.
    /// </summary>
    public IReadOnlyList<PdfTableSegment> Segments => _segments ??= Split(0.4);

    /// <summary>Cut only at gaps wider than the stretched spaces of justified prose.</summary>
    public List<PdfTableSegment> Runs() => Split(0.8);

    private List<PdfTableSegment> Split(double ems)
    {
        var ordered = Words.OrderBy(w => w.BoundingBox.Left).ToList();
        var segments = new List<PdfTableSegment>();
        PdfTableSegment? current = null;
        foreach (var word in ordered)
        {
            if (current is null || word.BoundingBox.Left - current.Right > Size * ems)
            {
                current = new PdfTableSegment();
                segments.Add(current);
            }

            current.Add(word);
        }

        return segments;
    }
}

/// <summary>Words of a row set close together: one printed cell (or a header spanning several columns).</summary>
internal sealed class PdfTableSegment
{
    public List<Word> Words { get; } = [];

    public double Left { get; private set; } = double.MaxValue;

    public double Right { get; private set; } = double.MinValue;

    public double Width => Right - Left;

    public void Add(Word word)
    {
        Words.Add(word);
        Left = Math.Min(Left, word.BoundingBox.Left);
        Right = Math.Max(Right, word.BoundingBox.Right);
    }
}
