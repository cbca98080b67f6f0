using UglyToad.PdfPig.Core;

namespace Roundup.FullText.Pdf.Visibility;

/// <summary>An opaque axis-aligned rectangle filled on the page, clipped to the area in force, in paint order.</summary>
internal sealed record PdfFillPaint(int Sequence, PdfRectangle Box);
