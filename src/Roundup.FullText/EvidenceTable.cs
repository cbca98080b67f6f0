namespace Roundup.FullText;

/// <summary>A table as rows of cell texts (from LaTeX <c>tabular</c> or HTML tables; PDFs give captions only).</summary>
public sealed record EvidenceTable(IReadOnlyList<IReadOnlyList<string>> Rows);
