using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Roundup.FullText.Pdf.Streams;

/// <summary>
/// One of PdfPig's filters, bounded by the document's <see cref="PdfDecodeBudget"/>: Flate without a predictor is
/// inflated here, into a buffer that stops at the per-stream cap; every other filter is run only after the length
/// it will decode to has been counted. Image filters are not run at all: text extraction needs no pixels, and
/// their output size cannot be known beforehand.
/// </summary>
internal sealed class BoundedFilter(IFilter inner, PdfDecodeBudget budget) : IFilter
{
    private static readonly NameToken EarlyChangeKey = NameToken.Create("EarlyChange");
    private static readonly NameToken PredictorKey = NameToken.Create("Predictor");

    public bool IsSupported => inner.IsSupported && !IsImageFilter;

    private bool IsImageFilter => inner is DctDecodeFilter or JpxDecodeFilter or Jbig2DecodeFilter or CcittFaxDecodeFilter;

    private string Name => inner.GetType().Name.Replace("Filter", "", StringComparison.Ordinal);

    public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
    {
        budget.Read.Check();
        if (IsImageFilter)
        {
            throw new NotSupportedException($"{inner.GetType().Name}: image data is not decoded when reading text");
        }

        var cap = budget.StreamCap;
        var parameters = DecodeParameterResolver.GetFilterParameters(streamDictionary, filterIndex);
        if (inner is FlateFilter && Int(parameters, PredictorKey, 1) < 2)
        {
            // PdfPig returns the input unchanged when inflating fails; so does this.
            var (length, output) = DecodedLength.Inflate(input, cap, keep: true);
            budget.Reserve(length, $"{Name} stream of {input.Length:N0} bytes");
            return output ?? input;
        }

        var decoded = inner switch
        {
            FlateFilter => DecodedLength.Inflate(input, cap, keep: false).Length,
            LzwFilter => DecodedLength.Lzw(input.Span, Int(parameters, EarlyChangeKey, 1) != 0, cap),
            RunLengthFilter => DecodedLength.RunLength(input.Span, cap),
            Ascii85Filter => DecodedLength.Ascii85(input.Span),
            _ => (input.Length / 2) + 1,   // ASCIIHex: two digits a byte
        };

        // A PNG or TIFF predictor only removes bytes (one a row), so the count above bounds what the filter returns.
        budget.Reserve(decoded, $"{Name} stream of {input.Length:N0} bytes");
        return inner.Decode(input, streamDictionary, filterProvider, filterIndex);
    }

    private static int Int(DictionaryToken parameters, NameToken key, int fallback) =>
        parameters.TryGet(key, out IToken? value) && value is NumericToken number ? number.Int : fallback;
}
