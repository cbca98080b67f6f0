using UglyToad.PdfPig.Core;

namespace Roundup.FullText.Pdf.Visibility;

/// <summary>One glyph as painted, in paint order: where it lands on the page and what stood between it and the reader.</summary>
/// <param name="Sequence">Position in the page's paint order, shared with <see cref="PdfFillPaint"/>.</param>
/// <param name="Box">The glyph's box in page space, computed as PdfPig computes its letter's box.</param>
/// <param name="OutsideClip">Its centre lies outside the clipping area in force when it was painted.</param>
/// <param name="Squeezed">It is drawn at under a tenth of its height in width (horizontal scaling <c>Tz</c> near 0, or a squashing matrix).</param>
/// <param name="InHiddenLayer">It was painted inside an optional-content group that is off when the document opens.</param>
internal sealed record PdfGlyphPaint(int Sequence, PdfRectangle Box, bool OutsideClip, bool Squeezed, bool InHiddenLayer);
