using System.Text.RegularExpressions;

namespace Roundup.FullText.Latex.Tables;

/// <summary>
/// The grid of a <c>tabular</c> (or tabularx, longtable, …): rows split on <c>\\</c> and cells on <c>&amp;</c> outside
/// groups and nested environments, spanning cells repeated, bold cells marked, and the header rows: those above the
/// first <c>\midrule</c> (else the first <c>\hline</c>) that has a row above it.
/// </summary>
internal static partial class LatexTables
{
    public static readonly string[] Environments = ["tabular", "tabular*", "tabularx", "tabulary", "longtable", "supertabular", "tblr", "longtblr"];

    public static LatexGrid Read(string name, string body, ReadBudget budget)
    {
        var rows = new List<List<LatexCell>>();
        var separators = new List<RuleKind>();
        foreach (var segment in LatexSplitter.Split(body[SpecEnd(name, body)..], '\n'))
        {
            budget.Check();
            var rule = Rule(segment);
            var cells = LatexSplitter.Split(Rules().Replace(segment, " "), '&').Select(LatexCell.Parse).ToList();
            separators.Add(rule);
            rows.Add(cells);
        }

        return Assemble(rows, separators);
    }

    /// <summary>All the cell texts of a tabular nested in a cell, in reading order.</summary>
    public static string Flatten(string name, string body, ReadBudget budget) =>
        string.Join(' ', Read(name, body, budget).Rows.SelectMany(r => r).Where(c => c.Length > 0));

    private static LatexGrid Assemble(List<List<LatexCell>> rows, List<RuleKind> separators)
    {
        var grid = new List<List<string>>();
        var bold = new List<TableCell>();
        foreach (var cells in rows)
        {
            var row = new List<string>();
            foreach (var cell in cells)
            {
                for (var k = 0; k < cell.Span; k++)
                {
                    if (cell.Bold)
                    {
                        bold.Add(new TableCell(grid.Count, row.Count));
                    }

                    row.Add(cell.Text);
                }
            }

            grid.Add(row);
        }

        MoveUpwardSpans(rows, grid, bold);
        var kept = Enumerable.Range(0, grid.Count).Where(i => grid[i].Any(c => c.Length > 0)).ToList();
        var newIndex = kept.Select((old, index) => (old, index)).ToDictionary(x => x.old, x => x.index);
        return new LatexGrid(
            [.. kept.Select(i => grid[i])],
            [.. bold.Where(b => newIndex.ContainsKey(b.Row)).Select(b => new TableCell(newIndex[b.Row], b.Column))],
            HeaderRows(kept, separators));
    }

    /// <summary>A <c>\multirow{-3}</c> is written in the last row it spans: its text goes up to the first.</summary>
    private static void MoveUpwardSpans(List<List<LatexCell>> rows, List<List<string>> grid, List<TableCell> bold)
    {
        for (var r = 0; r < rows.Count; r++)
        {
            var column = 0;
            foreach (var cell in rows[r])
            {
                var target = r + cell.RowSpan + 1;
                if (cell.RowSpan < -1 && target >= 0 && column < grid[target].Count && grid[target][column].Length == 0)
                {
                    grid[target][column] = cell.Text;
                    grid[r][column] = "";
                    if (bold.Remove(new TableCell(r, column)))
                    {
                        bold.Add(new TableCell(target, column));
                    }
                }

                column += cell.Span;
            }
        }
    }

    /// <summary>Rows above the first mid rule that has a row above it; failing that, the first such \hline.</summary>
    private static int HeaderRows(List<int> kept, List<RuleKind> separators)
    {
        foreach (var kind in new[] { RuleKind.Mid, RuleKind.Line })
        {
            for (var s = 0; s < separators.Count; s++)
            {
                var above = kept.Count(i => i < s);
                if (separators[s] == kind && above > 0)
                {
                    return above < kept.Count ? above : 0;
                }
            }
        }

        return 0;
    }

    private static RuleKind Rule(string segment) =>
        MidRule().IsMatch(segment) ? RuleKind.Mid : LineRule().IsMatch(segment) ? RuleKind.Line : RuleKind.None;

    /// <summary>Where the cells start: after the optional position, the width (tabular*, tabularx) and the column spec.</summary>
    private static int SpecEnd(string name, string body)
    {
        var i = LatexScanner.ReadOptional(body, 0, out var afterOptional) is null ? 0 : afterOptional;
        var groups = name is "tabular*" or "tabularx" or "tabulary" ? 2 : 1;
        for (var g = 0; g < groups && LatexScanner.ReadGroup(body, i, out var end) is not null; g++)
        {
            i = end;
        }

        return i;
    }

    private enum RuleKind
    {
        None,
        Mid,
        Line,
    }

    [GeneratedRegex(@"\\(?:midrule|specialrule)(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex MidRule();

    [GeneratedRegex(@"\\(?:hline|Hline|Xhline|hhline)(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex LineRule();

    [GeneratedRegex(@"\\(?:hline|Hline|toprule|midrule|bottomrule|endhead|endfirsthead|endfoot|endlastfoot|morecmidrules|hdashline|firsthline|lasthline|addlinespace)(?![A-Za-z])(?:\s*\[[^\]]*\])?|\\(?:cline|cmidrule|cdashline|Xhline|hhline|rowcolor|arrayrulecolor)\s*(?:\([^)]*\))?\s*(?:\[[^\]]*\])?\s*(?:\([^)]*\))?\s*\{[^{}]*\}|\\(?:specialrule|rowcolors)\s*(?:\[[^\]]*\])?(?:\s*\{[^{}]*\}){3}|\\noalign\s*\{[^{}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Rules();
}

/// <summary>A tabular's rows of cell texts (spans repeated, empty rows dropped), its bold cells and header rows.</summary>
internal sealed record LatexGrid(IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<TableCell> Bold, int HeaderRows);
