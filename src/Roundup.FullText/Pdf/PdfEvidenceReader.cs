using System.Text;
using Roundup.FullText.Pdf.Streams;
using Roundup.FullText.Pdf.Visibility;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Roundup.FullText.Pdf;

/// <summary>
/// Reads a PDF with PdfPig: hidden letters are reported and left out (white, under 2 pt, render mode 3, off the
/// page; squeezed flat, clipped away, covered by an opaque rectangle, or in a layer that is off); the rest is laid
/// out in reading order (columns left before right) and sorted into sections, captions and references. Empty,
/// encrypted, damaged and non-PDF files, and files over a <see cref="FullTextLimits"/> bound (decoded stream bytes,
/// pages, drawing operations, glyphs, time), are refused with a <see cref="FullTextException"/> naming the file.
/// </summary>
public sealed class PdfEvidenceReader(FullTextLimits? limits = null)
{
    private readonly FullTextLimits _limits = limits ?? FullTextLimits.Default;

    public PaperEvidence Read(string path) => Read(FileInput.ReadAll(path, _limits), path);

    public PaperEvidence Read(byte[] bytes, string source, ReadBudget? budget = null)
    {
        budget ??= new ReadBudget(source, _limits);
        Check(bytes, source);
        budget.Check();
        try
        {
            return ReadDocument(bytes, source, budget);
        }
        catch (Exception e) when (e is not FullTextException && IsRecoverable(e))
        {
            // PdfPig may throw anything on a damaged file (a NullReferenceException on a broken font dictionary),
            // or wrap a refusal raised inside it.
            budget.ThrowIfRefused();
            throw new FullTextException(source, $"the PDF is damaged or unreadable ({Describe(e)})", e);
        }
    }

    private PaperEvidence ReadDocument(byte[] bytes, string source, ReadBudget budget)
    {
        var builder = new EvidenceBuilder(EvidenceFormat.Pdf, source);
        var lines = new List<PdfLine>();
        var options = new PdfReadOptions(new PdfDecodeBudget(budget));
        using (var document = Open(bytes, source, options))
        {
            budget.ThrowIfRefused();
            if (document.NumberOfPages > _limits.MaxPdfPageCount)
            {
                throw budget.Refuse($"the PDF declares {document.NumberOfPages:N0} pages, more than {_limits.MaxPdfPageCount:N0} (FullTextLimits.MaxPdfPageCount)");
            }

            document.AddPageFactory<PdfPagePaint, PdfPaintPageFactory>();
            options.OptionalContent = ReadLayers(document, builder, budget);
            var pages = Math.Min(document.NumberOfPages, _limits.MaxPages);
            if (document.NumberOfPages > pages)
            {
                builder.Warn($"read the first {pages} of {document.NumberOfPages} pages (limit {_limits.MaxPages})");
            }

            var blocks = 0;
            string? firstFailure = null;
            for (var number = 1; number <= pages; number++)
            {
                budget.Check();
                try
                {
                    // The paint pass goes first: it counts operations and glyphs and checks the clock as it runs,
                    // so PdfPig's own pass over the same content is known to be bounded.
                    var paint = document.GetPage<PdfPagePaint>(number);
                    budget.ThrowIfRefused();
                    var page = document.GetPage(number);
                    budget.ThrowIfRefused();
                    var painted = PdfVisibility.Classify(page.Letters, paint, budget);
                    lines.AddRange(PdfPageLayout.Lines(page, painted, builder, ref blocks));
                }
                catch (Exception e) when (e is not FullTextException && IsRecoverable(e))
                {
                    budget.ThrowIfRefused();
                    firstFailure ??= $"page {number}: {Describe(e)}";
                    builder.Warn($"page {number} could not be read ({Describe(e)})");
                }
            }

            budget.ThrowIfRefused();
            if (lines.Count == 0)
            {
                throw new FullTextException(source, firstFailure is null
                    ? $"the PDF has no extractable text in its {pages} pages (scanned images?)"
                    : $"the PDF is damaged or unreadable ({firstFailure})");
            }

            new PdfStructure(lines, builder).Read();
            if (builder.Title.Length == 0)
            {
                builder.Title = document.Information.Title ?? "";
            }
        }

        return builder.Build();
    }

    /// <summary>Layers off by default; a damaged optional-content dictionary is read as none, with a warning.</summary>
    private static PdfOptionalContent ReadLayers(PdfDocument document, EvidenceBuilder builder, ReadBudget budget)
    {
        try
        {
            return PdfOptionalContent.Read(document);
        }
        catch (Exception e) when (e is not FullTextException && IsRecoverable(e))
        {
            budget.ThrowIfRefused();
            builder.Warn($"the PDF's optional content (layers) could not be read ({Describe(e)})");
            return PdfOptionalContent.None;
        }
    }

    /// <summary>Anything but running out of memory or stack, or a cancelled run, is the file's fault.</summary>
    private static bool IsRecoverable(Exception e) =>
        e is not (OutOfMemoryException or OperationCanceledException or StackOverflowException or AccessViolationException or ThreadAbortException);

    private static string Describe(Exception e) =>
        e is PdfDocumentFormatException or InvalidOperationException or ArgumentException ? e.Message : $"{e.GetType().Name}: {e.Message}";

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

    private static PdfDocument Open(byte[] bytes, string source, ParsingOptions options)
    {
        try
        {
            return PdfDocument.Open(bytes, options);
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new FullTextException(source, "the PDF is encrypted and cannot be read without its password", e);
        }
    }
}
