using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Geometry;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace Roundup.FullText.Pdf.Visibility;

/// <summary>
/// Lets PdfPig hand a page's operations, resources loaded, to a <see cref="PdfPaintProcessor"/>; registered with
/// <c>PdfDocument.AddPageFactory</c>, which builds it by reflection (hence the public constructor), and given the
/// document's budget through <see cref="PdfReadOptions"/>.
/// </summary>
internal sealed class PdfPaintPageFactory(
    IPdfTokenScanner pdfScanner,
    IResourceStore resourceStore,
    ILookupFilterProvider filterProvider,
    IPageContentParser pageContentParser,
    ParsingOptions parsingOptions)
    : BasePageFactory<PdfPagePaint>(pdfScanner, resourceStore, filterProvider, pageContentParser, parsingOptions)
{
    protected override PdfPagePaint ProcessPage(
        int pageNumber,
        DictionaryToken dictionary,
        NamedDestinations namedDestinations,
        MediaBox mediaBox,
        CropBox cropBox,
        UserSpaceUnit userSpaceUnit,
        PageRotationDegrees rotation,
        TransformationMatrix initialMatrix,
        IReadOnlyList<IGraphicsStateOperation> operations)
    {
        var budget = (ParsingOptions as PdfReadOptions)?.Budget
            ?? throw new InvalidOperationException($"{nameof(PdfPaintPageFactory)} needs {nameof(PdfReadOptions)}");
        return new PdfPaintProcessor(pageNumber, ResourceStore, PdfScanner, PageContentParser, FilterProvider, cropBox, userSpaceUnit, rotation, initialMatrix, ParsingOptions, budget)
            .Process(pageNumber, operations);
    }
}
