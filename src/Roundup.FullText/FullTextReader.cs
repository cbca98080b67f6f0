using Roundup.FullText.Html;
using Roundup.FullText.Latex;
using Roundup.FullText.Pdf;

namespace Roundup.FullText;

/// <summary>Reads a paper from a file of any supported format, chosen by the file's content, not its name.</summary>
public sealed class FullTextReader(FullTextLimits? limits = null, TimeProvider? time = null)
{
    private readonly FullTextLimits _limits = limits ?? FullTextLimits.Default;

    /// <summary>Reads the file within <see cref="FullTextLimits"/>, its time budget starting now; cancellation stops it.</summary>
    public PaperEvidence Read(string path, CancellationToken cancellationToken = default)
    {
        var budget = new ReadBudget(path, _limits, time, cancellationToken);
        var bytes = FileInput.ReadAll(path, _limits);
        var kind = ContentSniffer.Detect(bytes);
        return kind switch
        {
            ContentSniffer.Kind.Pdf => new PdfEvidenceReader(_limits).Read(bytes, path, budget),
            ContentSniffer.Kind.Gzip or ContentSniffer.Kind.Tar or ContentSniffer.Kind.Latex => new LatexEvidenceReader(_limits).Read(bytes, path, budget),
            ContentSniffer.Kind.Html when path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) =>
                throw new FullTextException(path, "the file is named .pdf but holds an HTML page (an error page saved in place of the PDF?)"),
            ContentSniffer.Kind.Html => new HtmlEvidenceReader(_limits).Read(bytes, path, budget),
            _ => throw new FullTextException(path, "the content is not a PDF, a gzip or tar archive, HTML or LaTeX"),
        };
    }
}
