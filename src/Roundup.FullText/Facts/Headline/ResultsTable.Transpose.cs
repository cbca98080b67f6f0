namespace Roundup.FullText.Facts.Headline;

public sealed partial class ResultsTable
{
    private ResultsTable? _transposed;

    /// <summary>
    /// The table read the other way round, for a paper that sets its methods as columns and its datasets as rows
    /// (2212.08410's Table 1: "Baseline T5 XXL Acc. | CoT Finetuned Acc. | …" over "GSM8K", "MAWPS", "ASDiv"). Each
    /// results column becomes a row: its metric ("Acc. with Calc.") in the first label column, so that rows of one
    /// metric form a group, and the header above the metric (the method) in the second. Each body row becomes a column
    /// headed by its label. Bold cells move with their cells; label, caption, page and section stay. Made once: the
    /// picker, the headline and the claim check all ask for it.
    /// </summary>
    public ResultsTable Transpose() => _transposed ??= Turned();

    private ResultsTable Turned()
    {
        var body = BodyRows().ToList();
        var rows = new List<IReadOnlyList<string>> { (string[])["", "", .. body.Select(RowLabel)] };
        var bold = new List<TableCell>();
        foreach (var column in Columns)
        {
            var (name, metric) = column.NameAndMetric();
            rows.Add((string[])[metric, name, .. body.Select(r => Cell(r, column.Index))]);
            bold.AddRange(body.Select((r, i) => (Row: r, At: i)).Where(x => Table.IsBold(x.Row, column.Index)).Select(x => new TableCell(rows.Count - 1, 2 + x.At)));
        }

        return new ResultsTable(Table with { Rows = rows, HeaderRows = 1, Bold = bold }, transposed: !Transposed);
    }

    /// <summary>
    /// What a cell measures and which way is better: read the other way round, the row's own metric (the paper's
    /// column header, "Acc.") when it has a direction; else the column's.
    /// </summary>
    public (string Metric, Direction Direction) MetricOf(int row, ResultsColumn column) =>
        Transposed && Cell(row, 0) is { Length: > 0 } metric && MetricDirection.Of(metric) is var direction and not Direction.Unknown
            ? (metric, direction)
            : (column.Metric, column.Direction);

    /// <summary>Whether it could hold results: two rows with numbers, and a cell whose metric has a direction.</summary>
    public bool HoldsResults() =>
        ResultRows().Count >= 2
        && ResultRows().Any(r => Columns.Any(c => Number(r, c.Index) is not null && MetricOf(r, c).Direction != Direction.Unknown));
}
