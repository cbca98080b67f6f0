using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Headline;

/// <summary>
/// The paper's own cell in one results column against the best other row's: the best by the column's direction,
/// among the rows of the same group (the same setting in a table that stacks settings), or among all rows when the
/// group has no other. Reference rows (oracle, upper bound, human, gold) are not baselines.
/// </summary>
public sealed partial record ColumnComparison(
    ResultsTable Table, ResultsColumn Column, int OwnRow, CellNumber Own, int? BaselineRow, CellNumber? Baseline)
{
    /// <summary>How much better the own cell is (negative when worse), or null without a baseline.</summary>
    public double? Margin => Baseline is { } b
        ? Column.Direction == Direction.LowerIsBetter ? b.Value - Own.Value : Own.Value - b.Value
        : null;

    /// <summary>The margin printed with the decimals of the cells, signed ("+10.1", "-0.4").</summary>
    public string? PrintedMargin => Margin is { } m && Baseline is { } b
        ? (m >= 0 ? "+" : "") + CellNumber.Format(m, Math.Max(Own.Decimals, b.Decimals))
        : null;

    public string OwnName => Table.RowName(OwnRow);

    public string BaselineName => BaselineRow is { } r ? Table.RowName(r) : "";

    public static ColumnComparison? Compare(ResultsTable table, ResultsColumn column, int ownRow, OwnMethod own)
    {
        if (column.Direction == Direction.Unknown || table.Number(ownRow, column.Index) is not { } ownCell)
        {
            return null;
        }

        var others = table.ResultRows()
            .Where(r => !own.Rows.Contains(r) && !ReferenceRow().IsMatch(table.RowName(r)) && table.Number(r, column.Index) is not null)
            .ToList();
        var group = table.Groups.GetValueOrDefault(ownRow);
        var sameGroup = others.Where(r => table.Groups.GetValueOrDefault(r) == group).ToList();
        var pool = sameGroup.Count > 0 ? sameGroup : others;
        if (pool.Count == 0)
        {
            return new ColumnComparison(table, column, ownRow, ownCell, null, null);
        }

        var best = column.Direction == Direction.LowerIsBetter
            ? pool.MinBy(r => table.Number(r, column.Index)!.Value.Value)
            : pool.MaxBy(r => table.Number(r, column.Index)!.Value.Value);
        return new ColumnComparison(table, column, ownRow, ownCell, best, table.Number(best, column.Index));
    }

    /// <summary>Quotes the cells: <c>Table 2, row "VeriSci", column "F1": 46.5; row "Zero-shot": 36.4</c>.</summary>
    public string Quote()
    {
        var column = Column.Header.Length > 0 ? Column.Header : $"{Column.Index + 1}";
        var own = $"{Table.Table.Name}, row \u201c{Table.RowLabel(OwnRow)}\u201d, column \u201c{column}\u201d: {Own.Printed}";
        return BaselineRow is { } r && Baseline is { } b
            ? $"{own}; row \u201c{Table.RowLabel(r)}\u201d, same column: {b.Printed} (margin {PrintedMargin}, {(Column.Direction == Direction.LowerIsBetter ? "lower" : "higher")} is better)"
            : own;
    }

    [GeneratedRegex(@"\b(oracle|upper[- ]bound|human|gold|ground[- ]truth|ceiling|skyline)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceRow();
}
