namespace Roundup.FullText;

/// <summary>
/// A table as rows of cell texts, read from LaTeX (<c>tabular</c>), HTML (<c>table</c>) or a PDF (word positions).
/// Every row has as many cells as the widest one: a cell spanning columns is repeated in each column it spans, and a
/// row shorter than the others is padded with empty cells at its end.
/// </summary>
public sealed record EvidenceTable(IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The paper's own name for it ("Table 3"), or empty when it has no number.</summary>
    public string Label { get; init; } = "";

    /// <summary>Its caption, without the label ("Results on SciFact …"), or empty.</summary>
    public string Caption { get; init; } = "";

    /// <summary>How many rows at the top are column headers (0 when not known).</summary>
    public int HeaderRows { get; init; }

    /// <summary>The cells set in bold (papers mark their best results so).</summary>
    public IReadOnlyList<TableCell> Bold { get; init; } = [];

    /// <summary>The PDF page it is on (1-based), or null for LaTeX and HTML.</summary>
    public int? Page { get; init; }

    /// <summary>The heading of the section it sits in, or empty before the first heading.</summary>
    public string Section { get; init; } = "";

    /// <summary>Whether it sits in an appendix.</summary>
    public bool InAppendix { get; init; }

    /// <summary>The label when there is one, else "a table" with its caption's start: how a fact names its source.</summary>
    public string Name => Label.Length > 0 ? Label : Caption.Length > 0 ? $"the table \u201c{(Caption.Length > 40 ? Caption[..40] + "…" : Caption)}\u201d" : "a table";

    public bool IsBold(int row, int column) => Bold.Contains(new TableCell(row, column));
}

/// <summary>A cell's position in <see cref="EvidenceTable.Rows"/>, both 0-based.</summary>
public readonly record struct TableCell(int Row, int Column);
