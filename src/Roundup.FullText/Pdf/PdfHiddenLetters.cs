using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics.Colors;

namespace Roundup.FullText.Pdf;

/// <summary>Whether a reader can see a letter: render mode, size, position against the crop box, and fill colour.</summary>
internal static partial class PdfHiddenLetters
{
    public const double MinVisiblePointSize = 2.0;

    /// <param name="darkFills">Filled non-white areas of the page: white text on them is visible.</param>
    public static HiddenTextKind? Classify(Letter letter, PdfRectangle crop, IReadOnlyList<PdfRectangle> darkFills)
    {
        if (string.IsNullOrWhiteSpace(letter.Value))
        {
            return null;
        }

        if (letter.RenderingMode is TextRenderingMode.Neither or TextRenderingMode.NeitherClip)
        {
            return HiddenTextKind.InvisibleRenderMode;
        }

        var box = letter.BoundingBox;
        var x = (box.Left + box.Right) / 2;
        var y = (box.Bottom + box.Top) / 2;
        if (x < crop.Left || x > crop.Right || y < crop.Bottom || y > crop.Top)
        {
            return HiddenTextKind.OffPage;
        }

        if (letter.PointSize < MinVisiblePointSize)
        {
            return HiddenTextKind.TinyFont;
        }

        var color = letter.RenderingMode is TextRenderingMode.Stroke or TextRenderingMode.StrokeClip ? letter.StrokeColor : letter.FillColor;
        return IsNearWhite(color) && !darkFills.Any(r => x >= r.Left && x <= r.Right && y >= r.Bottom && y <= r.Top)
            ? HiddenTextKind.WhiteText
            : null;
    }

    public static bool IsNearWhite(IColor? color)
    {
        if (color is null)
        {
            return false;
        }

        try
        {
            var (r, g, b) = color.ToRGBValues();
            return r >= 0.95 && g >= 0.95 && b >= 0.95;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return false;
        }
    }

    public static bool IsBold(Letter letter) =>
        letter.FontDetails?.IsBold == true || (letter.FontName is { } name && BoldName().IsMatch(name));

    [GeneratedRegex(@"bold|-medi|black|heavy|semibold|demi|cmbx|sfbx|TB$|,B$|-B$|\.B$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoldName();
}
