using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Roundup.FullText.Pdf;

/// <summary>
/// Reads a PDF with PdfPig: hidden letters (white, under 2 pt, render mode 3, off the page) are reported and left
/// out; the rest is laid out in reading order (columns left before right) and sorted into sections, captions and
/// references. Empty, encrypted and non-PDF files are refused with a <see cref="FullTextException"/>.
/// </summary>
public sealed class PdfEvidenceReader(FullTextLimits? limits = null)
{
    private readonly FullTextLimits _limits = limits ?? FullTextLimits.Default;

    public PaperEvidence Read(string path) => Read(FileInput.ReadAll(path, _limits), path);

    public PaperEvidence Read(byte[] bytes, string source, ReadBudget? budget = null)
    {
        budget ??= new ReadBudget(source, _limits);
        Check(bytes, source);
        var builder = new EvidenceBuilder(EvidenceFormat.Pdf, source);
        var lines = new List<PdfLine>();
        using (var document = Open(bytes, source))
        {
            var pages = Math.Min(document.NumberOfPages, _limits.MaxPages);
            if (document.NumberOfPages > pages)
            {
                builder.Warn($"read the first {pages} of {document.NumberOfPages} pages (limit {_limits.MaxPages})");
            }

            var blocks = 0;
            for (var number = 1; number <= pages; number++)
            {
                try
                {
                    lines.AddRange(PdfPageLayout.Lines(document.GetPage(number), builder, ref blocks));
                }
                catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
                {
                    builder.Warn($"page {number} could not be read ({e.Message})");
                }
            }

            if (lines.Count == 0)
            {
                throw new FullTextException(source, $"the PDF has no extractable text in its {pages} pages (scanned images?)");
            }

            new PdfStructure(lines, builder).Read();
            if (builder.Title.Length == 0)
            {
                builder.Title = document.Information.Title ?? "";
            }
        }

        return builder.Build();
    }

    private static void Check(byte[] bytes, string source)
    {
        if (bytes.Length == 0)
        {
            throw new FullTextException(source, "the file is empty (0 bytes), not a PDF");
        }

        var kind = ContentSniffer.Detect(bytes);
        if (kind == ContentSniffer.Kind.Html)
        {
            throw new FullTextException(source, "the file is an HTML page, not a PDF (an error page saved in place of the PDF?)");
        }

        if (kind != ContentSniffer.Kind.Pdf)
        {
            var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 16)).Where(c => !char.IsControl(c)).ToArray();
            throw new FullTextException(source, $"the file is not a PDF (no %PDF header; it starts with '{new string(head)}')");
        }
    }

    private static PdfDocument Open(byte[] bytes, string source)
    {
        try
        {
            return PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new FullTextException(source, "the PDF is encrypted and cannot be read without its password", e);
        }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or NotSupportedException or IndexOutOfRangeException or InvalidCastException)
        {
            throw new FullTextException(source, $"the PDF is damaged or unreadable ({e.Message})", e);
        }
    }
}
