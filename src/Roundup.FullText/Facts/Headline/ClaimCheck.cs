namespace Roundup.FullText.Facts.Headline;

/// <summary>
/// Checks the abstract's numeric claims against the tables. A claim is borne out by a cell within rounding of its
/// number (a score; 72.4% also matches a cell printed 0.724), by two cells of one column whose difference is (a
/// difference, in points or, for "%", also relative), or by a cell printed with × or two cells of one cost column
/// (time, memory, size) whose ratio is (a factor). A claim is only checked against tables that could bear it out:
/// scores and differences need a results column, factors a cost column or a × cell; else it is left alone.
/// </summary>
public static class ClaimCheck
{
    public const int MaxRowsPaired = 200;

    /// <summary>The claims the tables do not bear out, each with the closest thing the tables show.</summary>
    public static IReadOnlyList<(AbstractClaim Claim, string Shown)> Unsupported(IReadOnlyList<AbstractClaim> claims, IReadOnlyList<ResultsTable> tables)
    {
        var cells = tables.SelectMany(t => t.Columns.Select(c => (Table: t, Column: c))).ToList();
        var found = new List<(AbstractClaim, string)>();
        foreach (var claim in claims)
        {
            var candidates = claim.Kind switch
            {
                ClaimKind.Score or ClaimKind.Change => Scores(cells.Where(x => x.Column.Direction != Direction.Unknown)),
                ClaimKind.Difference => Differences(cells.Where(x => x.Column.Direction != Direction.Unknown), claim.Percent),
                _ => Factors(cells),
            };
            if (candidates.Count == 0)
            {
                continue;
            }

            if (!candidates.Any(c => Math.Abs(c.Value - claim.Value) <= claim.Rounding + c.Slack + 1e-9))
            {
                found.Add((claim, candidates.MinBy(c => Math.Abs(c.Value - claim.Value)).Shown));
            }
        }

        return found;
    }

    private static List<Candidate> Scores(IEnumerable<(ResultsTable Table, ResultsColumn Column)> columns)
    {
        var list = new List<Candidate>();
        foreach (var (table, column) in columns)
        {
            foreach (var r in table.ResultRows())
            {
                if (table.Number(r, column.Index) is { } n)
                {
                    var where = $"{table.Table.Name}, row \u201c{table.RowLabel(r)}\u201d, column \u201c{column.Header}\u201d";
                    list.AddRange(n.AsClaimed().Select(x => new Candidate(x.Value, x.Slack, $"{n.Printed} ({where})")));
                }
            }
        }

        return list;
    }

    private static List<Candidate> Differences(IEnumerable<(ResultsTable Table, ResultsColumn Column)> columns, bool percent)
    {
        var list = new List<Candidate>();
        foreach (var (table, column, a, b, ra, rb) in Pairs(columns))
        {
            var slack = a.Rounding + b.Rounding;
            var shown = $"a difference of {{0}} ({table.Table.Name}, column \u201c{column.Header}\u201d: {a.Printed} for \u201c{table.RowLabel(ra)}\u201d vs {b.Printed} for \u201c{table.RowLabel(rb)}\u201d)";
            var difference = Math.Abs(a.Value - b.Value);
            list.Add(new Candidate(difference, slack, string.Format(System.Globalization.CultureInfo.InvariantCulture, shown, CellNumber.Format(difference, Math.Max(a.Decimals, b.Decimals)))));
            if (a.Value <= 1 && b.Value <= 1 && Math.Max(a.Decimals, b.Decimals) >= 2)
            {
                list.Add(new Candidate(difference * 100, slack * 100, string.Format(System.Globalization.CultureInfo.InvariantCulture, shown, CellNumber.Format(difference * 100, Math.Max(0, Math.Max(a.Decimals, b.Decimals) - 2)))));
            }

            var low = Math.Min(Math.Abs(a.Value), Math.Abs(b.Value));
            if (percent && low > 0)
            {
                var relative = difference / low * 100;
                list.Add(new Candidate(relative, slack / low * 100, string.Format(System.Globalization.CultureInfo.InvariantCulture, shown, CellNumber.Format(relative, 1) + "% relative")));
            }
        }

        return list;
    }

    private static List<Candidate> Factors(IEnumerable<(ResultsTable Table, ResultsColumn Column)> columns)
    {
        var list = new List<Candidate>();
        var all = columns.ToList();
        foreach (var (table, column) in all)
        {
            foreach (var r in table.ResultRows())
            {
                if (table.Number(r, column.Index) is { } n && (n.Printed.Contains('×', StringComparison.Ordinal) || n.Printed.EndsWith('x')))
                {
                    list.Add(new Candidate(n.Value, n.Rounding, $"{n.Printed} ({table.Table.Name}, row \u201c{table.RowLabel(r)}\u201d, column \u201c{column.Header}\u201d)"));
                }
            }
        }

        foreach (var (table, column, a, b, ra, rb) in Pairs(all.Where(x => MetricDirection.IsCost(x.Column.Header))))
        {
            var (high, low, rh, rl) = a.Value >= b.Value ? (a, b, ra, rb) : (b, a, rb, ra);
            if (low.Value > 0)
            {
                var ratio = high.Value / low.Value;
                list.Add(new Candidate(ratio, 0, $"a factor of {CellNumber.Format(ratio, 1)}× ({table.Table.Name}, column \u201c{column.Header}\u201d: {high.Printed} for \u201c{table.RowLabel(rh)}\u201d vs {low.Printed} for \u201c{table.RowLabel(rl)}\u201d)"));
            }
        }

        return list;
    }

    private static IEnumerable<(ResultsTable, ResultsColumn, CellNumber, CellNumber, int, int)> Pairs(IEnumerable<(ResultsTable Table, ResultsColumn Column)> columns)
    {
        foreach (var (table, column) in columns)
        {
            // Bounded: a pathological table of thousands of rows must not cost millions of pairs.
            var rows = table.ResultRows().Where(r => table.Number(r, column.Index) is not null).Take(MaxRowsPaired).ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                for (var j = i + 1; j < rows.Count; j++)
                {
                    yield return (table, column, table.Number(rows[i], column.Index)!.Value, table.Number(rows[j], column.Index)!.Value, rows[i], rows[j]);
                }
            }
        }
    }

    private readonly record struct Candidate(double Value, double Slack, string Shown);
}
