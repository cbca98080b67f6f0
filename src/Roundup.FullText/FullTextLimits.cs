namespace Roundup.FullText;

/// <summary>
/// Bounds on what one paper may cost to read; inputs past them are refused (or, for pages and includes, cut) and
/// the reason names the limit. Every place where input is expanded is bounded here: files, archives, LaTeX
/// includes and macros, PDF streams, HTML nesting, and the time spent on one document.
/// </summary>
public sealed record FullTextLimits
{
    public static FullTextLimits Default { get; } = new();

    /// <summary>Largest input file read, compressed size for archives.</summary>
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Pages read from a PDF; later pages are skipped with a warning.</summary>
    public int MaxPages { get; init; } = 60;

    /// <summary>Pages a PDF may declare at all; a page tree larger than this is refused rather than walked.</summary>
    public int MaxPdfPageCount { get; init; } = 5_000;

    /// <summary>
    /// Bytes one PDF stream may decode to (content, form, font, object or cross-reference stream; images are not
    /// decoded), counted while inflating. The largest stream of the shared papers decodes to under 1 MB.
    /// </summary>
    public long MaxPdfStreamBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>
    /// Bytes all the streams of one PDF may decode to together, a stream decoded twice counting twice (page
    /// contents are decoded twice: once for the paint pass, once for the letters). The shared papers decode 0.2 to
    /// 2.6 MB in all; parsing 32 MB of content takes PdfPig about 3 s.
    /// </summary>
    public long MaxPdfDecodedBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Drawing operations one PDF page may run, each run of a form counted again (nested forms multiply).</summary>
    /// <remarks>The shared papers run at most about 10,000 on a page; each costs PdfPig a few microseconds per pass.</remarks>
    public int MaxPdfPageOperations { get; init; } = 500_000;

    /// <summary>Glyphs one PDF page may draw; a dense page of text draws under 10,000 (the shared papers at most 4,500).</summary>
    public int MaxPdfPageGlyphs { get; init; } = 100_000;

    /// <summary>Forms (XObjects) drawn inside one another on a PDF page; a cycle of forms drawing each other is refused here rather than overflowing the stack.</summary>
    public int MaxPdfFormNesting { get; init; } = 32;

    public int MaxArchiveEntries { get; init; } = 2_000;

    public long MaxEntryBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Uncompressed bytes an archive or gzip stream may expand to, counted while inflating.</summary>
    public long MaxUncompressedBytes { get; init; } = 100L * 1024 * 1024;

    public int MaxIncludeDepth { get; init; } = 8;

    public int MaxIncludes { get; init; } = 200;

    /// <summary>Characters of LaTeX after following includes and expanding macros.</summary>
    public int MaxExpandedChars { get; init; } = 20_000_000;

    public int MaxMacroExpansions { get; init; } = 20_000;

    /// <summary>Colour and box commands nested inside one another that the hidden-text check follows in LaTeX.</summary>
    public int MaxLatexNesting { get; init; } = 64;

    /// <summary>Elements open inside one another in HTML; browsers stop nesting near 512, LaTeXML pages stay under 100.</summary>
    public int MaxHtmlDepth { get; init; } = 256;

    /// <summary>Elements an HTML page may create.</summary>
    public int MaxHtmlElements { get; init; } = 1_000_000;

    /// <summary>
    /// Wall-clock time one document may take to read, whatever the format; checked in every reading loop. A backstop:
    /// the limits above refuse the known hostile inputs within seconds, while a real 37-page PDF took over 20 s on a
    /// loaded two-core machine, so the clock is set well above what honest papers need.
    /// </summary>
    public TimeSpan MaxReadTime { get; init; } = TimeSpan.FromSeconds(60);
}
