using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Headline;

/// <summary>Which rule found the paper's own rows in a results table.</summary>
public enum OwnMethodRule
{
    /// <summary>A row says "ours" ("VeriSci (ours)", "Ours").</summary>
    Ours,

    /// <summary>A row holds the score the abstract says the method reaches, in a column where another row holds the
    /// score it says the method starts from ("improves from 8.11% to 21.99%").</summary>
    Claim,

    /// <summary>A row carries a name the title, abstract or body gives the method.</summary>
    Name,

    /// <summary>The row with the most bold cells (papers set their best results in bold).</summary>
    Bold,
}

/// <summary>The paper's own rows in a results table, the name they go by and the rule that found them.</summary>
public sealed partial record OwnMethod(string Name, IReadOnlyList<int> Rows, OwnMethodRule Rule)
{
    /// <summary>Found by the abstract's change: the column it is read in, the own row it ends at and the row it starts
    /// from (the paper's own comparison); else null.</summary>
    public (int Column, int OwnRow, int BaselineRow)? Claimed { get; init; }

    /// <summary>
    /// Tries the rules in turn: a row marked "ours", then the abstract's change from one row's score to another's in
    /// one column, then the paper's method names in order (whole words of a row's labels), then the one row name with
    /// the most bold cells when no other name has as many (a row cited as earlier work, "SuperPAL (2021)", is never
    /// taken for the paper's own by its bold). Null when none holds.
    /// </summary>
    public static OwnMethod? Find(ResultsTable table, IReadOnlyList<string> names, IReadOnlyList<AbstractClaim>? claims = null)
    {
        var rows = table.ResultRows().ToList();
        var ours = rows.Where(r => OursMark().IsMatch(table.RowLabel(r))).ToList();
        if (ours.Count > 0)
        {
            return new OwnMethod(Clean(table.RowName(ours[^1])), ours, OwnMethodRule.Ours);
        }

        if (ByClaim(table, rows, claims ?? []) is { } claimed)
        {
            return claimed;
        }

        foreach (var name in names)
        {
            var word = new Regex(@"(?<![\w-])" + Regex.Escape(name) + @"(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            var named = rows.Where(r => word.IsMatch(table.RowName(r))).ToList();
            if (named.Count > 0)
            {
                return new OwnMethod(name, named, OwnMethodRule.Name);
            }
        }

        var bold = rows
            .Where(r => table.RowName(r).Length > 0 && !table.LabelColumns.Any(c => Cited().IsMatch(table.Cell(r, c))))
            .GroupBy(r => table.RowName(r), StringComparer.OrdinalIgnoreCase)
            .Select(g => (Name: g.Key, Rows: g.ToList(), Count: g.Sum(r => table.Columns.Count(c => table.Table.IsBold(r, c.Index)))))
            .OrderByDescending(x => x.Count)
            .ToList();
        return bold.Count > 0 && bold[0].Count > 0 && (bold.Count == 1 || bold[1].Count < bold[0].Count)
            ? new OwnMethod(bold[0].Name, bold[0].Rows, OwnMethodRule.Bold)
            : null;
    }

    private static OwnMethod? ByClaim(ResultsTable table, List<int> rows, IReadOnlyList<AbstractClaim> claims)
    {
        foreach (var claim in claims)
        {
            if (claim.From is not { } from)
            {
                continue;
            }

            foreach (var column in table.Columns)
            {
                var after = rows.FirstOrDefault(r => Holds(table.Number(r, column.Index), claim.Value, claim.Rounding), -1);
                var before = rows.FirstOrDefault(r => r != after && Holds(table.Number(r, column.Index), from.Value, from.Rounding), -1);
                if (after >= 0 && before >= 0)
                {
                    var name = table.RowName(after);
                    var own = rows.Where(r => string.Equals(table.RowName(r), name, StringComparison.OrdinalIgnoreCase)).ToList();
                    return new OwnMethod(Clean(name), own, OwnMethodRule.Claim) { Claimed = (column.Index, after, before) };
                }
            }
        }

        return null;
    }

    private static bool Holds(CellNumber? cell, double value, double rounding) => cell is { } n && n.Shows(value, rounding);

    private static string Clean(string rowName) => WithoutOurs(rowName) is { Length: > 0 } name ? name : "Ours";

    /// <summary>A row's name without its "(ours)" mark ("VeriSci (ours)" is VeriSci); empty when the mark was all of it.</summary>
    public static string WithoutOurs(string rowName) => OursMark().Replace(rowName, "").Trim(' ', '-', ':', ',');

    [GeneratedRegex(@"\(\s*ours\s*\)|(?<![\w-])ours(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OursMark();

    // "SuperPAL (2021)", "Lee et al.", "[12]", LaTeX's \citep as "[cite]": a row cited as earlier work. Read in the
    // cells as printed: RowLabel leaves "[cite]" out.
    [GeneratedRegex(@"\(\s*(?:[^()]*,\s*)?(?:19|20)\d{2}[a-z]?\s*\)|\bet\s+al\b|\[cite\]|\[\d+(?:\s*[,–-]\s*\d+)*\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cited();
}
