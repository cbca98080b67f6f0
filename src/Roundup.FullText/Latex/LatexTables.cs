using System.Text.RegularExpressions;

namespace Roundup.FullText.Latex;

/// <summary>Cells of a <c>tabular</c>: rows split on <c>\\</c>, cells on unescaped <c>&amp;</c>, rules dropped.</summary>
internal static partial class LatexTables
{
    public static readonly string[] Environments = ["tabular", "tabular*", "tabularx", "tabulary", "longtable", "supertabular"];

    public static List<List<string>> Cells(string name, string body)
    {
        // The column spec (and for tabular*/tabularx the width before it) is the first group(s) of the body.
        var i = LatexScanner.ReadOptional(body, 0, out var afterOptional) is null ? 0 : afterOptional;
        var groups = name is "tabular*" or "tabularx" or "tabulary" ? 2 : 1;
        for (var g = 0; g < groups && LatexScanner.ReadGroup(body, i, out var end) is not null; g++)
        {
            i = end;
        }

        var rows = new List<List<string>>();
        foreach (var row in RowBreak().Split(Rules().Replace(body[i..], " ")))
        {
            var cells = SplitCells(row).Select(LatexCleaner.ToPlain).ToList();
            if (cells.Any(c => c.Length > 0))
            {
                rows.Add(cells);
            }
        }

        return rows;
    }

    private static IEnumerable<string> SplitCells(string row)
    {
        var depth = 0;
        var start = 0;
        for (var k = 0; k < row.Length; k++)
        {
            var c = row[k];
            if (LatexScanner.IsEscaped(row, k))
            {
                continue;
            }

            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (c == '&' && depth == 0)
            {
                yield return row[start..k];
                start = k + 1;
            }
        }

        yield return row[start..];
    }

    [GeneratedRegex(@"(?<!\\)\\\\(?:\s*\[[^\]]*\])?|\\tabularnewline", RegexOptions.CultureInvariant)]
    private static partial Regex RowBreak();

    [GeneratedRegex(@"\\(?:hline|toprule|midrule|bottomrule|endhead|endfirsthead|endfoot|endlastfoot)(?![A-Za-z])(?:\s*\[[^\]]*\])?|\\(?:cline|cmidrule)\s*(?:\([^)]*\))?\s*\{[^{}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Rules();
}
