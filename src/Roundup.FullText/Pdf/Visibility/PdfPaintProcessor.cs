using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Geometry;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Core;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.PdfFonts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace Roundup.FullText.Pdf.Visibility;

/// <summary>
/// Runs a page's content stream through PdfPig's interpreter a second time, recording what PdfPig's letters do not
/// carry: the clipping area each glyph was drawn in (as a rectangle, the bounding box of the clipping paths),
/// its drawn width against its height, the optional-content groups around it, and the opaque rectangles painted
/// after it. Paths are only measured, never built.
/// </summary>
internal sealed class PdfPaintProcessor(
    int pageNumber,
    IResourceStore resourceStore,
    IPdfTokenScanner pdfScanner,
    IPageContentParser pageContentParser,
    ILookupFilterProvider filterProvider,
    CropBox cropBox,
    UserSpaceUnit userSpaceUnit,
    PageRotationDegrees rotation,
    TransformationMatrix initialMatrix,
    ParsingOptions parsingOptions)
    : BaseStreamProcessor<PdfPagePaint>(pageNumber, resourceStore, pdfScanner, pageContentParser, filterProvider, cropBox, userSpaceUnit, rotation, in initialMatrix, parsingOptions)
{
    private const double SqueezedRatio = 0.1;
    private static readonly NameToken OptionalContentTag = NameToken.Create("OC");

    private readonly List<PdfGlyphPaint> _glyphs = [];
    private readonly List<PdfFillPaint> _fills = [];
    private readonly Stack<PdfRectangle?> _clips = new();
    private readonly Stack<DictionaryToken?> _markedContent = new();
    private IReadOnlyList<DictionaryToken> _optionalContent = [];
    private PdfRectangle? _clip;
    private PathShape _path;
    private int _sequence;

    public override PdfPagePaint Process(int pageNumber, IReadOnlyList<IGraphicsStateOperation> operations)
    {
        ProcessOperations(operations);
        return new PdfPagePaint(pageNumber, _glyphs, _fills);
    }

    public override void PushState()
    {
        base.PushState();
        _clips.Push(_clip);
    }

    public override void PopState()
    {
        base.PopState();
        if (_clips.Count > 0)
        {
            _clip = _clips.Pop();
        }
    }

    public override void RenderGlyph(
        IFont font,
        CurrentGraphicsState currentState,
        double fontSize,
        double pointSize,
        int code,
        string unicode,
        long currentOffset,
        in TransformationMatrix renderingMatrix,
        in TransformationMatrix textMatrix,
        in TransformationMatrix transformationMatrix,
        CharacterBoundingBox characterBoundingBox)
    {
        var full = renderingMatrix.Multiply(textMatrix).Multiply(transformationMatrix);
        var box = full.Transform(characterBoundingBox.GlyphBounds);
        var origin = full.Transform(new PdfPoint(0, 0));
        var across = full.Transform(new PdfPoint(1, 0));
        var up = full.Transform(new PdfPoint(0, 1));
        var width = Distance(origin, across);
        var height = Distance(origin, up);
        var centre = box.Centroid;
        var outside = _clip is { } clip && (centre.X < clip.Left || centre.X > clip.Right || centre.Y < clip.Bottom || centre.Y > clip.Top);
        _glyphs.Add(new PdfGlyphPaint(unicode, _sequence++, box, outside, height > 0 && width < height * SqueezedRatio, _optionalContent));
    }

    public override void BeginMarkedContent(NameToken name, NameToken? propertyDictionaryName, DictionaryToken? properties)
    {
        DictionaryToken? group = null;
        if (name == OptionalContentTag)
        {
            group = properties ?? (propertyDictionaryName is null ? null : ResourceStore.GetMarkedContentPropertiesDictionary(propertyDictionaryName));
        }

        _markedContent.Push(group);
        Refresh();
    }

    public override void EndMarkedContent()
    {
        if (_markedContent.Count > 0)
        {
            _markedContent.Pop();
            Refresh();
        }
    }

    protected override void ProcessFormXObject(StreamToken formStream, NameToken xObjectName)
    {
        // A form may itself belong to an optional-content group (its /OC entry).
        var group = formStream.StreamDictionary.TryGet(OptionalContentTag, PdfScanner, out DictionaryToken? oc) ? oc : null;
        _markedContent.Push(group);
        Refresh();
        try
        {
            base.ProcessFormXObject(formStream, xObjectName);
        }
        finally
        {
            _markedContent.Pop();
            Refresh();
        }
    }

    public override void BeginSubpath()
    {
    }

    public override PdfPoint? CloseSubpath() => null;

    public override void MoveTo(double x, double y) => _path = _path.Add(Device(x, y), isRectangle: false);

    public override void LineTo(double x, double y) => _path = _path.Add(Device(x, y), isRectangle: false);

    public override void BezierCurveTo(double x2, double y2, double x3, double y3)
    {
        _path = _path.Add(Device(x2, y2), isRectangle: false);
        _path = _path.Add(Device(x3, y3), isRectangle: false);
    }

    public override void BezierCurveTo(double x1, double y1, double x2, double y2, double x3, double y3)
    {
        _path = _path.Add(Device(x1, y1), isRectangle: false);
        _path = _path.Add(Device(x2, y2), isRectangle: false);
        _path = _path.Add(Device(x3, y3), isRectangle: false);
    }

    public override void Rectangle(double x, double y, double width, double height)
    {
        var matrix = CurrentTransformationMatrix;
        var upright = Math.Abs(matrix[0, 1]) < 1e-9 && Math.Abs(matrix[1, 0]) < 1e-9;
        _path = _path.Add(Device(x, y), isRectangle: upright).Add(Device(x + width, y + height), isRectangle: upright);
    }

    public override void ClosePath()
    {
    }

    public override void EndPath() => _path = default;

    public override void StrokePath(bool close) => _path = default;

    public override void FillPath(FillingRule fillingRule, bool close) => Fill();

    public override void FillStrokePath(FillingRule fillingRule, bool close) => Fill();

    public override void ModifyClippingIntersect(FillingRule clippingRule)
    {
        if (_path.Box is { } box)
        {
            Intersect(box);
        }
    }

    protected override void ClipToRectangle(PdfRectangle rectangle, FillingRule fillingRule) =>
        Intersect(CurrentTransformationMatrix.Transform(rectangle));

    public override void PaintShading(NameToken shadingName)
    {
    }

    protected override void RenderXObjectImage(XObjectContentRecord xObjectContentRecord)
    {
    }

    protected override void RenderInlineImage(InlineImage inlineImage)
    {
    }

    private void Fill()
    {
        var state = GetCurrentState();
        if (_path is { Box: { } box, IsRectangle: true } && state.AlphaConstantNonStroking >= 0.9 && state.BlendMode == BlendMode.Normal && state.SoftMask is null)
        {
            var shown = _clip is { } clip ? Intersection(box, clip) : box;
            if (shown is { } visible)
            {
                _fills.Add(new PdfFillPaint(_sequence++, visible));
            }
        }

        _path = default;
    }

    private void Intersect(PdfRectangle box) =>
        _clip = _clip is { } clip ? Intersection(box, clip) ?? new PdfRectangle(box.Left, box.Bottom, box.Left, box.Bottom) : box;

    private PdfPoint Device(double x, double y) => CurrentTransformationMatrix.Transform(new PdfPoint(x, y));

    private void Refresh() => _optionalContent = _markedContent.Where(g => g is not null).Select(g => g!).ToList();

    private static double Distance(PdfPoint a, PdfPoint b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private static PdfRectangle? Intersection(PdfRectangle a, PdfRectangle b)
    {
        var left = Math.Max(a.Left, b.Left);
        var bottom = Math.Max(a.Bottom, b.Bottom);
        var right = Math.Min(a.Right, b.Right);
        var top = Math.Min(a.Top, b.Top);
        return left <= right && bottom <= top ? new PdfRectangle(left, bottom, right, top) : null;
    }

    /// <summary>The current path as far as visibility needs it: its bounding box, and whether it is one upright rectangle.</summary>
    private readonly record struct PathShape(PdfRectangle? Box, bool IsRectangle, int Parts)
    {
        public PathShape Add(PdfPoint point, bool isRectangle)
        {
            var box = Box is { } b
                ? new PdfRectangle(Math.Min(b.Left, point.X), Math.Min(b.Bottom, point.Y), Math.Max(b.Right, point.X), Math.Max(b.Top, point.Y))
                : new PdfRectangle(point.X, point.Y, point.X, point.Y);
            return new PathShape(box, (Parts == 0 || IsRectangle) && isRectangle && Parts < 2, Parts + 1);
        }
    }
}
