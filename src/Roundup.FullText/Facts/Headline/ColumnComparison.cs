using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Headline;

/// <summary>
/// The paper's own cell in one results column against a baseline's: the row the abstract's change starts from when
/// the own method was found by it (the paper's own comparison), else the best other row by the metric's direction,
/// among the rows of the same group (the same setting in a table that stacks settings), or among all rows when the
/// group has no other (a table read the other way round groups by metric, so never across). Reference rows (oracle, upper bound, human, gold) are not baselines. When the baseline is the
/// paper's chosen one and another row does better than the own method, that row is <see cref="StrongerRow"/>.
/// </summary>
public sealed partial record ColumnComparison(
    ResultsTable Table, ResultsColumn Column, int OwnRow, CellNumber Own, int? BaselineRow, CellNumber? Baseline)
{
    /// <summary>The metric the cells are in ("F1"; read the other way round, the own row's, "Acc.").</summary>
    public string Metric { get; init; } = Column.Metric;

    public Direction Direction { get; init; } = Column.Direction;

    /// <summary>A row that does better than the own method, when the baseline is the one the paper chose; else null.</summary>
    public int? StrongerRow { get; init; }

    public CellNumber? Stronger { get; init; }

    /// <summary>How much better the own cell is (negative when worse), or null without a baseline.</summary>
    public double? Margin => Baseline is { } b
        ? Direction == Direction.LowerIsBetter ? b.Value - Own.Value : Own.Value - b.Value
        : null;

    /// <summary>The margin printed with the decimals of the cells, signed ("+10.1", "-0.4").</summary>
    public string? PrintedMargin => Margin is { } m && Baseline is { } b
        ? (m >= 0 ? "+" : "") + CellNumber.Format(m, Math.Max(Own.Decimals, b.Decimals))
        : null;

    public string OwnName => Table.RowName(OwnRow);

    public string BaselineName => BaselineRow is { } r ? Table.RowName(r) : "";

    public string StrongerName => StrongerRow is { } r ? Table.RowName(r) : "";

    public static ColumnComparison? Compare(ResultsTable table, ResultsColumn column, int ownRow, OwnMethod own)
    {
        var (metric, direction) = table.MetricOf(ownRow, column);
        if (direction == Direction.Unknown || table.Number(ownRow, column.Index) is not { } ownCell)
        {
            return null;
        }

        var others = table.ResultRows()
            .Where(r => !own.Rows.Contains(r) && !ReferenceRow().IsMatch(table.RowName(r)) && table.Number(r, column.Index) is not null)
            .ToList();
        var group = table.Groups.GetValueOrDefault(ownRow);
        var sameGroup = others.Where(r => table.Groups.GetValueOrDefault(r) == group).ToList();
        // Read the other way round, a group is one metric ("Acc." apart from "Acc. with Calc."): never compared across.
        var pool = sameGroup.Count > 0 || table.Transposed ? sameGroup : others;
        var comparison = new ColumnComparison(table, column, ownRow, ownCell, null, null) { Metric = metric, Direction = direction };
        if (pool.Count == 0)
        {
            return comparison;
        }

        double Better(int r) => direction == Direction.LowerIsBetter ? -table.Number(r, column.Index)!.Value.Value : table.Number(r, column.Index)!.Value.Value;
        var best = pool.MaxBy(Better);
        if (own.Claimed is { } claimed && pool.Contains(claimed.BaselineRow))
        {
            var stronger = Better(best) > Better(ownRow) ? best : (int?)null;
            return comparison with
            {
                BaselineRow = claimed.BaselineRow, Baseline = table.Number(claimed.BaselineRow, column.Index),
                StrongerRow = stronger, Stronger = stronger is { } s ? table.Number(s, column.Index) : null,
            };
        }

        return comparison with { BaselineRow = best, Baseline = table.Number(best, column.Index) };
    }

    /// <summary>
    /// Quotes the cells: <c>Table 2, row "VeriSci", column "F1": 46.5; row "Zero-shot": 36.4</c>; read the other way
    /// round, the paper's column first (<c>column "CoT Finetuned Acc.", row "GSM8K"</c>).
    /// </summary>
    public string Quote()
    {
        var column = Column.Header.Length > 0 ? Column.Header : $"{Column.Index + 1}";
        var (line, across, same) = Table.Transposed ? ("column", "row", "same row") : ("row", "column", "same column");
        var own = $"{Table.Table.Name}, {line} \u201c{Table.RowLabel(OwnRow)}\u201d, {across} \u201c{column}\u201d: {Own.Printed}";
        if (BaselineRow is not { } r || Baseline is not { } b)
        {
            return own;
        }

        var quote = $"{own}; {line} \u201c{Table.RowLabel(r)}\u201d, {same}: {b.Printed} (margin {PrintedMargin}, {(Direction == Direction.LowerIsBetter ? "lower" : "higher")} is better)";
        return StrongerRow is { } s && Stronger is { } better ? $"{quote}; {line} \u201c{Table.RowLabel(s)}\u201d, {same}: {better.Printed}" : quote;
    }

    [GeneratedRegex(@"\b(oracle|upper[- ]bound|human|gold|ground[- ]truth|ceiling|skyline)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceRow();
}
