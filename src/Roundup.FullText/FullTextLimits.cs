namespace Roundup.FullText;

/// <summary>Bounds on what one paper may cost to read; inputs past them are refused or cut, never trusted.</summary>
public sealed record FullTextLimits
{
    public static FullTextLimits Default { get; } = new();

    /// <summary>Largest input file read, compressed size for archives.</summary>
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Pages read from a PDF; later pages are skipped with a warning.</summary>
    public int MaxPages { get; init; } = 60;

    public int MaxArchiveEntries { get; init; } = 2_000;

    public long MaxEntryBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Uncompressed bytes an archive or gzip stream may expand to, counted while inflating.</summary>
    public long MaxUncompressedBytes { get; init; } = 100L * 1024 * 1024;

    public int MaxIncludeDepth { get; init; } = 8;

    public int MaxIncludes { get; init; } = 200;

    /// <summary>Characters of LaTeX after following includes and expanding macros.</summary>
    public int MaxExpandedChars { get; init; } = 20_000_000;

    public int MaxMacroExpansions { get; init; } = 20_000;
}
