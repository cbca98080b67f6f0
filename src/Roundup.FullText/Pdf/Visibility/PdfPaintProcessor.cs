using Roundup.FullText.Pdf.Streams;
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
/// Runs a page's content stream through PdfPig's interpreter before PdfPig reads its letters, for two ends. It
/// records what PdfPig's letters do not carry: the clipping area each glyph was drawn in (the bounding box of the
/// clipping paths), its drawn width against its height, whether it sits in a layer that is off, and the opaque
/// rectangles painted after it (paths are only measured, never built). And it bounds the page: every operation run,
/// forms included, counts against <see cref="FullTextLimits.MaxPdfPageOperations"/>, every glyph against
/// <see cref="FullTextLimits.MaxPdfPageGlyphs"/>, forms nest at most <see cref="FullTextLimits.MaxPdfFormNesting"/> deep, and the time budget is checked as it goes, so PdfPig's own pass
/// over the same operations only runs on a page already known to be bounded.
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
    ParsingOptions parsingOptions,
    PdfDecodeBudget budget)
    : BaseStreamProcessor<PdfPagePaint>(pageNumber, resourceStore, pdfScanner, pageContentParser, filterProvider, cropBox, userSpaceUnit, rotation, in initialMatrix, parsingOptions)
{
    /// <summary>Drawn width under this share of the height: Tz 10 or less on an upright font.</summary>
    public const double SqueezedRatio = 0.1;

    private const int CheckEvery = 512;
    private static readonly NameToken OptionalContentTag = NameToken.Create("OC");

    private readonly List<PdfGlyphPaint> _glyphs = [];
    private readonly List<PdfFillPaint> _fills = [];
    private readonly Stack<PdfRectangle?> _clips = new();
    private readonly List<DictionaryToken?> _markedContent = [];
    private readonly PdfOptionalContent _layers = (parsingOptions as PdfReadOptions)?.OptionalContent ?? PdfOptionalContent.None;
    private bool _inHiddenLayer;
    private PdfRectangle? _clip;
    private PathShape _path;
    private int _sequence;
    private long _operations;
    private int _formDepth;

    public override PdfPagePaint Process(int pageNumberCurrent, IReadOnlyList<IGraphicsStateOperation> operations)
    {
        CloneAllStates();
        ProcessOperations(operations);
        return new PdfPagePaint(pageNumberCurrent, _glyphs, _fills);
    }

    /// <summary>Runs operations (the page's, or a form's), counting each and checking the budget every few hundred.</summary>
    protected override void ProcessOperations(IReadOnlyList<IGraphicsStateOperation> operations)
    {
        var limits = budget.Read.Limits;
        foreach (var operation in operations)
        {
            if (++_operations % CheckEvery == 0)
            {
                budget.Read.Check();
                if (_operations > limits.MaxPdfPageOperations)
                {
                    throw budget.Read.Refuse($"page {PageNumber} runs more than {limits.MaxPdfPageOperations:N0} drawing operations, forms included (FullTextLimits.MaxPdfPageOperations)");
                }
            }

            operation.Run(this);
        }
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
        if (_glyphs.Count >= budget.Read.Limits.MaxPdfPageGlyphs)
        {
            throw budget.Read.Refuse($"page {PageNumber} draws more than {budget.Read.Limits.MaxPdfPageGlyphs:N0} glyphs (FullTextLimits.MaxPdfPageGlyphs)");
        }

        // The letter's box exactly as PdfPig makes it, so that glyphs and letters can be matched by position.
        var box = PerformantRectangleTransformer.Transform(in renderingMatrix, in textMatrix, in transformationMatrix, characterBoundingBox.GlyphBounds);
        if (!(box.Width > double.Epsilon || box.Height > double.Epsilon))
        {
            box = PerformantRectangleTransformer.Transform(in renderingMatrix, in textMatrix, in transformationMatrix, new PdfRectangle(0, 0, characterBoundingBox.Width, UserSpaceUnit.PointMultiples));
        }

        var full = renderingMatrix.Multiply(textMatrix).Multiply(transformationMatrix);
        var origin = full.Transform(new PdfPoint(0, 0));
        var width = Distance(origin, full.Transform(new PdfPoint(1, 0)));
        var height = Distance(origin, full.Transform(new PdfPoint(0, 1)));
        var centre = Centre(box);
        var outside = _clip is { } clip && (centre.X < clip.Left || centre.X > clip.Right || centre.Y < clip.Bottom || centre.Y > clip.Top);
        var squeezed = height > 0 && width < height * SqueezedRatio;
        _glyphs.Add(new PdfGlyphPaint(_sequence++, box, outside, squeezed, _inHiddenLayer));
    }

    public override void BeginMarkedContent(NameToken name, NameToken? propertyDictionaryName, DictionaryToken? properties)
    {
        DictionaryToken? group = null;
        if (name == OptionalContentTag)
        {
            group = (propertyDictionaryName is null ? null : ResourceStore.GetMarkedContentPropertiesDictionary(propertyDictionaryName)) ?? properties;
        }

        _markedContent.Add(group);
        Refresh();
    }

    public override void EndMarkedContent()
    {
        if (_markedContent.Count > 0)
        {
            _markedContent.RemoveAt(_markedContent.Count - 1);
            Refresh();
        }
    }

    protected override void ProcessFormXObject(StreamToken formStream, NameToken xObjectName)
    {
        // A form may itself belong to an optional-content group (its /OC entry).
        var group = formStream.StreamDictionary.TryGet(OptionalContentTag, PdfScanner, out DictionaryToken? oc) ? oc : null;
        if (++_formDepth > budget.Read.Limits.MaxPdfFormNesting)
        {
            throw budget.Read.Refuse($"page {PageNumber} nests forms more than {budget.Read.Limits.MaxPdfFormNesting} deep (FullTextLimits.MaxPdfFormNesting; forms drawing each other?)");
        }

        _markedContent.Add(group);
        Refresh();
        try
        {
            base.ProcessFormXObject(formStream, xObjectName);
        }
        finally
        {
            _formDepth--;
            _markedContent.RemoveAt(_markedContent.Count - 1);
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
        _path = _path.AddRectangle(Device(x, y), Device(x + width, y + height), upright);
    }

    public override void ClosePath()
    {
    }

    public override void EndPath() => _path = default;

    public override void StrokePath(bool close) => _path = default;

    public override void FillPath(FillingRule fillingRule, bool close) => Fill();

    public override void FillStrokePath(FillingRule fillingRule, bool close) => Fill();

    /// <summary><c>W</c> or <c>W*</c>: the path built so far (ended by <c>n</c> or a paint) narrows the clip.</summary>
    public override void ModifyClippingIntersect(FillingRule clippingRule)
    {
        if (_path.Box is { } box)
        {
            Intersect(box);
        }
    }

    protected override void ClipToRectangle(PdfRectangle rectangle, FillingRule fillingRule) =>
        Intersect(Bounds(CurrentTransformationMatrix.Transform(rectangle)));

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
        if (_path is { Box: { } box, IsRectangle: true } && !_inHiddenLayer
            && state.AlphaConstantNonStroking >= 0.9 && state.BlendMode == BlendMode.Normal && state.SoftMask is null)
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

    private void Refresh() => _inHiddenLayer = _layers.HasHiddenGroups && _layers.Hides(_markedContent.OfType<DictionaryToken>().ToList());

    private static double Distance(PdfPoint a, PdfPoint b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private static PdfPoint Centre(PdfRectangle r) =>
        new((r.BottomLeft.X + r.TopRight.X + r.TopLeft.X + r.BottomRight.X) / 4, (r.BottomLeft.Y + r.TopRight.Y + r.TopLeft.Y + r.BottomRight.Y) / 4);

    /// <summary>The upright bounds of a possibly rotated rectangle.</summary>
    public static PdfRectangle Bounds(PdfRectangle r)
    {
        double[] xs = [r.BottomLeft.X, r.BottomRight.X, r.TopLeft.X, r.TopRight.X];
        double[] ys = [r.BottomLeft.Y, r.BottomRight.Y, r.TopLeft.Y, r.TopRight.Y];
        return new PdfRectangle(xs.Min(), ys.Min(), xs.Max(), ys.Max());
    }

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
        public PathShape Add(PdfPoint point, bool isRectangle) => new(Extend(Box, point), false, Parts + 1);

        public PathShape AddRectangle(PdfPoint corner, PdfPoint opposite, bool upright) =>
            new(Extend(Extend(Box, corner), opposite), Parts == 0 && upright, Parts + 1);

        private static PdfRectangle Extend(PdfRectangle? box, PdfPoint point) => box is { } b
            ? new PdfRectangle(Math.Min(b.Left, point.X), Math.Min(b.Bottom, point.Y), Math.Max(b.Right, point.X), Math.Max(b.Top, point.Y))
            : new PdfRectangle(point.X, point.Y, point.X, point.Y);
    }
}
