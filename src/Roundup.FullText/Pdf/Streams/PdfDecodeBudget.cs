namespace Roundup.FullText.Pdf.Streams;

/// <summary>Decoded bytes one PDF may still produce, per stream and in all, on top of the document's <see cref="ReadBudget"/>.</summary>
internal sealed class PdfDecodeBudget(ReadBudget budget)
{
    public ReadBudget Read => budget;

    public long Decoded => budget.DecodedBytes;

    /// <summary>The most a single stream may decode to: the per-stream limit, or less when the document's total is nearly spent.</summary>
    public long StreamCap => Math.Min(budget.Limits.MaxPdfStreamBytes, budget.Limits.MaxPdfDecodedBytes - Decoded);

    /// <summary>Counts a stream about to be decoded, or refuses the document when it would pass a limit.</summary>
    /// <param name="length">What the stream decodes to, counted up to one byte past <see cref="StreamCap"/>.</param>
    /// <param name="what">The filter and the stream's encoded size, for the message.</param>
    public void Reserve(long length, string what)
    {
        var limits = budget.Limits;
        if (length > limits.MaxPdfStreamBytes)
        {
            throw budget.Refuse($"a {what} decodes to more than {limits.MaxPdfStreamBytes:N0} bytes (FullTextLimits.MaxPdfStreamBytes; a compression bomb?); decoding stopped at the limit");
        }

        if (Decoded + length > limits.MaxPdfDecodedBytes)
        {
            throw budget.Refuse($"the PDF's streams decode to more than {limits.MaxPdfDecodedBytes:N0} bytes in all (FullTextLimits.MaxPdfDecodedBytes); refused at a {what}");
        }

        budget.CountDecoded(length);
    }
}
