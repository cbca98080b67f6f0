using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Headline;

/// <summary>Which rule found the paper's own rows in a results table.</summary>
public enum OwnMethodRule
{
    /// <summary>A row says "ours" ("VeriSci (ours)", "Ours").</summary>
    Ours,

    /// <summary>A row carries a name the title, abstract or body gives the method.</summary>
    Name,

    /// <summary>The row with the most bold cells (papers set their best results in bold).</summary>
    Bold,
}

/// <summary>The paper's own rows in a results table, the name they go by and the rule that found them.</summary>
public sealed partial record OwnMethod(string Name, IReadOnlyList<int> Rows, OwnMethodRule Rule)
{
    /// <summary>
    /// Tries the rules in turn: a row marked "ours", then the paper's method names in order (whole words of a row's
    /// labels), then the one row name with the most bold cells when no other name has as many. Null when none holds.
    /// </summary>
    public static OwnMethod? Find(ResultsTable table, IReadOnlyList<string> names)
    {
        var rows = table.ResultRows().ToList();
        var ours = rows.Where(r => OursMark().IsMatch(table.RowLabel(r))).ToList();
        if (ours.Count > 0)
        {
            return new OwnMethod(Clean(table.RowName(ours[^1])), ours, OwnMethodRule.Ours);
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
            .Where(r => table.RowName(r).Length > 0)
            .GroupBy(r => table.RowName(r), StringComparer.OrdinalIgnoreCase)
            .Select(g => (Name: g.Key, Rows: g.ToList(), Count: g.Sum(r => table.Columns.Count(c => table.Table.IsBold(r, c.Index)))))
            .OrderByDescending(x => x.Count)
            .ToList();
        return bold.Count > 0 && bold[0].Count > 0 && (bold.Count == 1 || bold[1].Count < bold[0].Count)
            ? new OwnMethod(bold[0].Name, bold[0].Rows, OwnMethodRule.Bold)
            : null;
    }

    private static string Clean(string rowName)
    {
        var name = OursMark().Replace(rowName, "").Trim(' ', '-', ':', ',');
        return name.Length > 0 ? name : "Ours";
    }

    [GeneratedRegex(@"\(\s*ours\s*\)|(?<![\w-])ours(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OursMark();
}
