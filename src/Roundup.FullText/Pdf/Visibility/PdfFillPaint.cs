using UglyToad.PdfPig.Core;

namespace Roundup.FullText.Pdf.Visibility;

/// <summary>An opaque upright rectangle filled on the page (clipped to the area in force, in a visible layer), in paint order.</summary>
internal sealed record PdfFillPaint(int Sequence, PdfRectangle Box);
