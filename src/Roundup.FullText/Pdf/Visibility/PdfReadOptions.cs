using Roundup.FullText.Pdf.Streams;
using UglyToad.PdfPig;

namespace Roundup.FullText.Pdf.Visibility;

/// <summary>PdfPig's options for one document, carrying its budget to the page factories PdfPig builds by reflection.</summary>
internal sealed class PdfReadOptions : ParsingOptions
{
    public PdfReadOptions(PdfDecodeBudget budget)
    {
        Budget = budget;
        UseLenientParsing = true;
        SkipMissingFonts = true;
        FilterProvider = new BoundedFilterProvider(budget);
    }

    public PdfDecodeBudget Budget { get; }

    /// <summary>The document's layers, read once it is open; pages painted before that see none hidden.</summary>
    public PdfOptionalContent OptionalContent { get; set; } = PdfOptionalContent.None;
}
