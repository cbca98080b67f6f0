using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Headline;

/// <summary>
/// A table read as results: which top rows are headers, which leading columns name the rows, which columns hold
/// numbers (index columns such as "Row" or "#" left out, and, where no header gives a metric, counts such as
/// "Dataset Size"), each column's header (metric and, above it, the spanning headers that name the dataset or
/// setting; the caption's metric when the header has none) and the group each row belongs to. A table that sets the
/// methods as columns and the datasets as rows is read the other way round by <see cref="Transpose"/>.
/// </summary>
public sealed partial class ResultsTable
{
    private readonly CellNumber?[][] _numbers;
    private readonly List<int> _resultRows;

    private ResultsTable(EvidenceTable table, bool transposed)
    {
        Table = table;
        Transposed = transposed;
        CaptionMetric = MetricDirection.FirstMetric(table.Caption);
        var rows = table.Rows;
        Width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        _numbers = [.. rows.Select(r => r.Select(CellNumber.Parse).ToArray())];
        HeaderCount = table.HeaderRows > 0 ? Math.Min(table.HeaderRows, rows.Count) : LeadingTextRows(rows);
        var numericColumns = Enumerable.Range(0, Width).Where(c => BodyRows().Any(r => Number(r, c) is not null)).ToList();
        var firstNumeric = numericColumns.Count == 0 ? Width : numericColumns[0];
        LabelColumns = Enumerable.Range(0, firstNumeric).ToList();
        var columns = numericColumns.Where(c => !IsIndexColumn(c))
            .Select(c => new ResultsColumn(c, HeaderParts(c), CaptionMetric))
            .Where(c => c.HasOwnMetric || !CountHeader().IsMatch(c.Header))
            .ToList();
        // "Avg." over columns that are all higher-is-better (or all lower) is read the same way.
        Columns = columns.Select(c => c.Direction).Where(d => d != Direction.Unknown).Distinct().ToList() is [var shared]
            ? [.. columns.Select(c => c.Direction == Direction.Unknown && MetricDirection.IsSummary(c.Header) ? c with { AveragedDirection = shared } : c)]
            : columns;

        Groups = GroupRows();
        _resultRows = [.. BodyRows().Where(r => Columns.Any(c => Number(r, c.Index) is not null))];
    }

    public EvidenceTable Table { get; }

    /// <summary>Whether this reads the paper's table the other way round: its columns are this one's rows.</summary>
    public bool Transposed { get; }

    /// <summary>The caption's metric ("accuracy" in "Task accuracy across …"), or empty.</summary>
    public string CaptionMetric { get; }

    public int Width { get; }

    /// <summary>Rows at the top that are headers: the table's own count, else the rows before the first number.</summary>
    public int HeaderCount { get; }

    /// <summary>The columns before the first numeric one: they name the rows.</summary>
    public IReadOnlyList<int> LabelColumns { get; }

    public IReadOnlyList<ResultsColumn> Columns { get; }

    /// <summary>For each body row, its group: rows under the same spanning row label or the same mid-table header.</summary>
    public IReadOnlyDictionary<int, string> Groups { get; }

    public static ResultsTable Read(EvidenceTable table) => new(table, transposed: false);

    /// <summary>Body rows with at least one number in a results column: the rows that compete.</summary>
    public IReadOnlyList<int> ResultRows() => _resultRows;

    public IEnumerable<int> BodyRows() => Enumerable.Range(HeaderCount, Math.Max(0, Table.Rows.Count - HeaderCount));

    public CellNumber? Number(int row, int column) => column < _numbers[row].Length ? _numbers[row][column] : null;

    /// <summary>The row's name: its last non-empty label cell (the method), or empty when it has none.</summary>
    public string RowName(int row) =>
        LabelColumns.Select(c => Cell(row, c)).LastOrDefault(t => t.Length > 0) ?? "";

    /// <summary>All the row's label cells joined: what a method name is looked for in (read the other way round, the
    /// paper's column header from the top down).</summary>
    public string RowLabel(int row) =>
        string.Join(" ", (Transposed ? LabelColumns.Reverse() : LabelColumns).Select(c => CitePlaceholder().Replace(Cell(row, c), "").Trim()).Where(t => t.Length > 0));

    /// <summary>A cell's text, trimmed; empty past the end of a short row (a table not squared by the builder).</summary>
    public string Cell(int row, int column) => column < Table.Rows[row].Count ? Table.Rows[row][column].Trim() : "";

    public int NumericCellCount() => BodyRows().Sum(r => Columns.Count(c => Number(r, c.Index) is not null));

    private int LeadingTextRows(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var count = 0;
        while (count < rows.Count - 1 && rows[count].All(c => !MissingValue().IsMatch(c.Trim())) && _numbers[count].All(n => n is null))
        {
            count++;
        }

        return count;
    }

    private bool IsIndexColumn(int column)
    {
        var header = string.Join(" ", Enumerable.Range(0, HeaderCount).Select(r => Cell(r, column)));
        if (IndexHeader().IsMatch(header.Trim()))
        {
            return true;
        }

        // 1, 2, 3, … down the body with no decimals: row numbers, not results.
        var values = BodyRows().Select(r => Number(r, column)).Where(n => n is not null).Select(n => n!.Value).ToList();
        return values.Count >= 3 && values.All(v => v.Decimals == 0) && values.Select((v, i) => v.Value - i).Distinct().Count() == 1;
    }

    private List<string> HeaderParts(int column)
    {
        var parts = new List<string>();
        foreach (var text in Enumerable.Range(0, HeaderCount).Select(r => Cell(r, column)))
        {
            if (text.Length > 0 && !parts.Contains(text, StringComparer.Ordinal))
            {
                parts.Add(text);
            }
        }

        return parts;
    }

    private Dictionary<int, string> GroupRows()
    {
        var groups = new Dictionary<int, string>();
        var spanning = LabelColumns.Count > 1 ? LabelColumns.Take(LabelColumns.Count - 1).ToList() : [];
        var carried = spanning.ToDictionary(c => c, _ => "");
        var block = "";
        foreach (var r in BodyRows())
        {
            var row = Enumerable.Range(0, Width).Select(c => Cell(r, c)).ToList();
            if (Columns.All(c => Number(r, c.Index) is null))
            {
                // A row without numbers inside the body is a mid-table header or a group label: a new block starts.
                block = string.Join(" ", row.Where(c => c.Trim().Length > 0).Select(c => c.Trim()).Distinct(StringComparer.Ordinal));
                continue;
            }

            foreach (var c in spanning.Where(c => row[c].Trim().Length > 0))
            {
                carried[c] = row[c].Trim();
            }

            groups[r] = block + "|" + string.Join("|", spanning.Select(c => carried[c]));
        }

        return groups;
    }

    // "—", "n/a", "-": a result not reported. A row holding one is a body row, never a header.
    [GeneratedRegex(@"^([—–\-]+|n/?a|N/?A|NA|✗|\?)$", RegexOptions.CultureInvariant)]
    private static partial Regex MissingValue();

    [GeneratedRegex(@"^(row|#|no\.?|id|idx|index|rank|step|year|k|n)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IndexHeader();

    // The LaTeX reader's stand-in for a citation: nothing a reader would see in the table.
    [GeneratedRegex(@"\s*\[cite\]", RegexOptions.CultureInvariant)]
    private static partial Regex CitePlaceholder();

    // How much data or how many steps, not how well: "Dataset Size", "# examples", "Number of tokens".
    [GeneratedRegex(@"(?<!\w)(size|count|number\s+of|#|examples|samples|instances|tokens|epochs?|steps|year)(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CountHeader();
}

/// <summary>
/// A results column: its index in the rows and its header parts from the top header row down. The metric is the
/// lowest part with a known direction ("F1" under "Abstract-level", or "Accuracy" over "ImageNet"), else the
/// caption's metric when there is one (then every part names the dataset or setting), else the lowest part; the
/// other parts name the dataset or setting.
/// </summary>
public sealed record ResultsColumn(int Index, IReadOnlyList<string> HeaderParts, string CaptionMetric = "")
{
    private int DirectedPart => Enumerable.Range(0, HeaderParts.Count).Reverse().FirstOrDefault(i => MetricDirection.Of(HeaderParts[i]) != Direction.Unknown, -1);

    private int MetricPart => HeaderParts.Count == 0 ? -1
        : DirectedPart >= 0 ? DirectedPart
        : CaptionMetric.Length > 0 ? -1
        : HeaderParts.Count - 1;

    /// <summary>Whether the header itself says what is measured (else the caption may).</summary>
    public bool HasOwnMetric => DirectedPart >= 0;

    /// <summary>The metric as printed in the header ("F1", "Latency (ms)"), else the caption's; empty when neither has one.</summary>
    public string Metric => MetricPart >= 0 ? HeaderParts[MetricPart] : CaptionMetric;

    /// <summary>The other header parts: the dataset or setting ("Abstract-level Label+Rationale"), or empty.</summary>
    public string Setting => string.Join(" ", HeaderParts.Where((_, i) => i != MetricPart));

    /// <summary>The whole header, top to bottom, as a fact quotes the column.</summary>
    public string Header => string.Join(" ", HeaderParts);

    /// <summary>For a summary column with no metric of its own ("Avg."), the direction all the table's other columns share.</summary>
    public Direction AveragedDirection { get; init; }

    /// <summary>An arrow anywhere in the header decides; else the metric's own words; else, for a summary column, the
    /// direction of what it summarises.</summary>
    public Direction Direction => HasArrow(Header) ? MetricDirection.Of(Header)
        : MetricDirection.Of(Metric) is var own and not Direction.Unknown ? own
        : AveragedDirection;

    /// <summary>The header split where the metric starts: the parts above it (what is measured: a method, when the table
    /// is read the other way round) and the metric with the parts below it ("Acc. with Calc.").</summary>
    public (string Name, string Metric) NameAndMetric() => DirectedPart >= 0
        ? (string.Join(" ", HeaderParts.Take(DirectedPart)), string.Join(" ", HeaderParts.Skip(DirectedPart)))
        : (Header, "");

    private static bool HasArrow(string text) => text.IndexOfAny(['↑', '↓', '⇑', '⇓']) >= 0;
}
