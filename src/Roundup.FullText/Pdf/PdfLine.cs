using UglyToad.PdfPig.Core;

namespace Roundup.FullText.Pdf;

/// <summary>A visible line of text in reading order, with what heading detection needs to know about it.</summary>
/// <param name="Block">Index of the text block (paragraph) the line belongs to, unique across the document.</param>
/// <param name="Column">0 spans the page, 1 is the left column, 2 the right one.</param>
internal sealed record PdfLine(int Page, string Text, PdfRectangle Bounds, double FontSize, bool Bold, int Block, int Column)
{
    /// <summary>The table this line's caption belongs to (on the caption's first line only).</summary>
    public EvidenceTable? Table { get; init; }
}
