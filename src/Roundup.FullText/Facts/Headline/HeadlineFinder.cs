using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Headline;

/// <summary>
/// The headline result: in the likeliest main results table where the paper's own rows are found, the column a
/// reader looks at first (one with a baseline to compare against, then a summary column such as "Avg." before a primary metric such as F1 or accuracy before a
/// part such as precision, quality before cost, the own row's bold cell breaking ties, then the rightmost), as a
/// <see cref="FactKind.HeadlineResult"/>; a second headline when another column ranks the same under a different
/// dataset or setting. Then up to <see cref="MaxResultLines"/> result lines (the own method's other rows in that
/// column, the top column of the other results tables, the main table's next columns) as
/// <see cref="FactKind.ResultClaim"/>, and the abstract's numeric claims the tables do not bear out as
/// <see cref="FactKind.UnsupportedClaim"/>. Every number is a cell as printed. A table that sets its methods as
/// columns is read the other way round (<see cref="ResultsTable.Transpose"/>), and the abstract's change ("from 8.11%
/// to 21.99%") finds the own row, the baseline the paper compares with and the column to headline.
/// </summary>
public static partial class HeadlineFinder
{
    public const int MaxResultLines = 4;

    public static IReadOnlyList<Fact> Find(PaperEvidence evidence)
    {
        var tables = ResultsTablePicker.Pick(evidence.Tables);
        var facts = new List<Fact>();
        if (tables.Count == 0)
        {
            return facts;
        }

        var names = MethodNames.Find(evidence);
        var claims = AbstractClaim.Find(evidence.Abstract);
        var found = tables.Select(t => OwnIn(t, names, claims)).OfType<(ResultsTable Table, OwnMethod Own)>().ToList();
        if (found.Count > 0)
        {
            var (main, own) = found[0];
            var ranked = Ranked(main, own);
            var headlines = ranked.Take(1).ToList();
            if (ranked.Skip(1).FirstOrDefault(c => Rank(c, own) == Rank(ranked[0], own) && c.Column.Setting.Length > 0 && c.Column.Setting != ranked[0].Column.Setting) is { } second)
            {
                headlines.Add(second);
            }

            facts.AddRange(headlines.Select(h => ToFact(FactKind.HeadlineResult, h, own)));
            var lines = new List<ColumnComparison>();
            lines.AddRange(own.Rows.Where(r => !headlines.Any(h => h.OwnRow == r)).Reverse()
                .Select(r => ColumnComparison.Compare(main, ranked[0].Column, r, own)).OfType<ColumnComparison>().Take(1));
            lines.AddRange(found.Skip(1).Select(x => Ranked(x.Table, x.Own)).Where(r => r.Count > 0).Select(r => r[0]));
            lines.AddRange(ranked.Where(c => !headlines.Contains(c)));
            facts.AddRange(lines.Take(MaxResultLines).Select(l => ToFact(FactKind.ResultClaim, l, found.First(x => x.Table == l.Table).Own)));
        }

        foreach (var (claim, shown) in ClaimCheck.Unsupported(claims, [.. tables.SelectMany(t => new[] { t, t.Transpose() })]))
        {
            facts.Add(new Fact(FactKind.UnsupportedClaim, $"\u201c{claim.Text}\u201d in the abstract; the closest the tables show is {shown}", claim.Sentence, "Abstract"));
        }

        return facts;
    }

    // The own rows as the table is printed, else read the other way round (methods as columns).
    private static (ResultsTable, OwnMethod)? OwnIn(ResultsTable table, IReadOnlyList<string> names, IReadOnlyList<AbstractClaim> claims)
    {
        if (OwnMethod.Find(table, names, claims) is { } own)
        {
            return (table, own);
        }

        var transposed = table.Transpose();
        return OwnMethod.Find(transposed, names, claims) is { } turned ? (transposed, turned) : null;
    }

    /// <summary>The table's columns compared for the own method, the one to headline first.</summary>
    public static IReadOnlyList<ColumnComparison> Ranked(ResultsTable table, OwnMethod own) =>
        table.Columns
            .Select(c => ColumnComparison.Compare(table, c, OwnRowFor(table, c, own), own))
            .OfType<ColumnComparison>()
            .OrderByDescending(c => Rank(c, own))
            .ThenByDescending(c => c.Column.Index)
            .ToList();

    private static int Rank(ColumnComparison c, OwnMethod own) =>
        (own.Claimed?.Column == c.Column.Index ? 32 : 0)
        + (c.Baseline is null ? 0 : 16)
        + (MetricDirection.IsSummary(c.Column.Header) ? 8 : 0)
        + (MetricDirection.IsPrimary(c.Metric) ? 4 : 0)
        + (MetricDirection.IsCost(c.Column.Header) ? 0 : 2)
        + (own.Rows.Any(r => c.Table.Table.IsBold(r, c.Column.Index)) ? 1 : 0);

    // Of several own rows (settings, sizes), the one the abstract's change names, else the one bold in the column, else
    // the last: papers list their full method last.
    private static int OwnRowFor(ResultsTable table, ResultsColumn column, OwnMethod own)
    {
        if (own.Claimed is { } claimed && table.Number(claimed.OwnRow, column.Index) is not null)
        {
            return claimed.OwnRow;
        }

        var withNumber = own.Rows.Where(r => table.Number(r, column.Index) is not null).ToList();
        return withNumber.LastOrDefault(r => table.Table.IsBold(r, column.Index), withNumber.Count > 0 ? withNumber[^1] : own.Rows[^1]);
    }

    private static Fact ToFact(FactKind kind, ColumnComparison c, OwnMethod own)
    {
        var (score, metric) = ScoreAndMetric(c.Own.Printed, c.Metric);
        var dataset = Dataset(c);
        var value = $"{MethodName(c, own)}: {score}{(metric.Length > 0 ? " " + metric : "")}{(dataset.Length > 0 ? " on " + dataset : "")}";
        if (c.Baseline is { } b)
        {
            value += $" vs {ScoreAndMetric(b.Printed, c.Metric).Score} for {c.BaselineName}";
        }

        if (c.Stronger is { } stronger)
        {
            value += $"; {c.StrongerName} does better with {ScoreAndMetric(stronger.Printed, c.Metric).Score}";
        }

        return new Fact(kind, $"{value}, {c.Table.Table.Name}", c.Quote(), c.Table.Table.Name) { Table = c.Table.Table.Name };
    }

    private static string MethodName(ColumnComparison c, OwnMethod own) =>
        OwnMethod.WithoutOurs(c.OwnName) is { Length: > 0 } name ? name : own.Name;

    // "Latency (ms)" reads "12 ms Latency"; an arrow in the header is dropped from the metric.
    private static (string Score, string Metric) ScoreAndMetric(string printed, string metric)
    {
        var clean = Arrows().Replace(metric, "").Trim();
        if (Unit().Match(clean) is { Success: true } m)
        {
            var unit = m.Groups["u"].Value;
            return (printed.EndsWith(unit, StringComparison.Ordinal) ? printed : unit == "%" ? printed + "%" : $"{printed} {unit}", m.Groups["m"].Value.Trim());
        }

        return (printed, clean);
    }

    // The dataset: the spanning headers above the metric, with the caption's "on X" in front when it names another
    // ("on SciFact" over "Abstract-level"; not "on MMLU and GSM8K" over "GSM8K").
    private static string Dataset(ColumnComparison c)
    {
        var setting = c.Column.Setting;
        var caption = CaptionDataset().Match(c.Table.Table.Caption) is { Success: true } m ? m.Groups["d"].Value.TrimEnd('.', ',') : "";
        return caption.Length == 0 || setting.Contains(caption, StringComparison.OrdinalIgnoreCase)
            || (setting.Length > 0 && c.Table.Table.Caption.Contains(setting, StringComparison.OrdinalIgnoreCase)) ? setting
            : setting.Length == 0 ? caption
            : $"{caption} ({setting})";
    }

    [GeneratedRegex(@"[↑↓⇑⇓]|\((higher|lower)( is better)?\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Arrows();

    [GeneratedRegex(@"^(?<m>.*?)\s*[(\[]\s*(?<u>ms|s|sec|min|h|hours|GB|MB|KB|%|M|B|K|×|x|FLOPs|GFLOPs|TFLOPs)\s*[)\]]$", RegexOptions.CultureInvariant)]
    private static partial Regex Unit();

    // "finetuned on PaLM 540B" names what was trained on, not what was measured.
    [GeneratedRegex(@"(?<!(?:trained|tuned|generated|conditioned)\s+)\bon\s+(?:the\s+)?(?<d>[A-Z][\w\-.]*(?:[\s-][A-Z0-9][\w\-.]*){0,2})", RegexOptions.CultureInvariant)]
    private static partial Regex CaptionDataset();
}
