using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Roundup.FullText.Pdf.Streams;

/// <summary>
/// One of PdfPig's filters, run only after the length it will decode to has been counted against the budget. Image
/// filters are not run at all: text extraction needs no pixels, and their output size cannot be known beforehand.
/// </summary>
internal sealed class BoundedFilter(IFilter inner, PdfDecodeBudget budget) : IFilter
{
    private static readonly NameToken EarlyChangeKey = NameToken.Create("EarlyChange");

    public bool IsSupported => inner.IsSupported && !IsImageFilter;

    private bool IsImageFilter => inner is DctDecodeFilter or JpxDecodeFilter or Jbig2DecodeFilter or CcittFaxDecodeFilter;

    public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
    {
        budget.Read.Check();
        if (IsImageFilter)
        {
            throw new NotSupportedException($"{inner.GetType().Name}: image data is not decoded when reading text");
        }

        var cap = budget.StreamCap;
        var length = inner switch
        {
            FlateFilter => DecodedLength.Flate(input, cap),
            LzwFilter => DecodedLength.Lzw(input.Span, EarlyChange(streamDictionary, filterIndex), cap),
            RunLengthFilter => DecodedLength.RunLength(input.Span, cap),
            Ascii85Filter => DecodedLength.Ascii85(input.Span),
            _ => input.Length / 2 + 1,   // ASCIIHex: two digits a byte
        };
        budget.Reserve(length, $"{Name} stream of {input.Length:N0} bytes");
        return inner.Decode(input, streamDictionary, filterProvider, filterIndex);
    }

    private string Name => inner.GetType().Name.Replace("Filter", "", StringComparison.Ordinal);

    private static bool EarlyChange(DictionaryToken streamDictionary, int filterIndex) =>
        !DecodeParameterResolver.GetFilterParameters(streamDictionary, filterIndex).TryGet(EarlyChangeKey, out NumericToken value) || value.Int != 0;
}
