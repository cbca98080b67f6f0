using System.Text;
using System.Text.RegularExpressions;

namespace Roundup.FullText.Latex.Tables;

/// <summary>
/// The plain text of a cell's source and whether it is bold. Cells differ from prose: stacked lines
/// (<c>\makecell</c>, <c>\shortstack</c>, a nested tabular) run together, and simple math is written out so a
/// number reads as printed: <c>$91.2 \pm 0.3$</c> → "91.2 ± 0.3", <c>72.1$^\dagger$</c> → "72.1†",
/// <c>$80.5_{3.3}$</c> → "80.5 (3.3)", <c>$\uparrow$</c> → "↑".
/// </summary>
internal static partial class LatexCellText
{
    private const int MaxNesting = 8;

    private static readonly Dictionary<string, string> MathSymbols = new(StringComparer.Ordinal)
    {
        ["pm"] = "±", ["mp"] = "∓", ["dagger"] = "†", ["ddagger"] = "‡", ["ast"] = "*", ["star"] = "⋆", ["times"] = "×",
        ["uparrow"] = "↑", ["downarrow"] = "↓", ["Uparrow"] = "↑", ["Downarrow"] = "↓", ["approx"] = "≈", ["sim"] = "~",
        ["leq"] = "≤", ["geq"] = "≥", ["le"] = "≤", ["ge"] = "≥", ["lt"] = "<", ["gt"] = ">", ["cdot"] = "·", ["circ"] = "°",
        ["checkmark"] = "✓", ["infty"] = "∞", ["textpm"] = "±", ["S"] = "§", ["P"] = "¶", ["bullet"] = "•", ["%"] = "%",
        ["left"] = "", ["right"] = "", [","] = " ", [";"] = " ", [":"] = " ", ["!"] = "", [" "] = " ", ["quad"] = " ",
        ["text"] = "", ["textrm"] = "", ["textbf"] = "", ["textit"] = "", ["texttt"] = "", ["textsf"] = "", ["mathrm"] = "",
        ["mathbf"] = "", ["mathit"] = "", ["mathsf"] = "", ["mathtt"] = "", ["bm"] = "", ["boldsymbol"] = "", ["pmb"] = "",
        ["mbox"] = "", ["operatorname"] = "", ["textnormal"] = "", ["mathbb"] = "", ["mathcal"] = "", ["underline"] = "",
        ["textsuperscript"] = "",
    };

    public static string Plain(string source, int nesting = 0)
    {
        var s = Unstack(source);
        s = nesting < MaxNesting
            ? LatexEnvironments.Replace(s, (name, body) => " " + Nested(name, body, nesting + 1) + " ", LatexTables.Environments)
            : s;
        s = InlineMath().Replace(s, m => Flatten(m.Groups["m"].Value) ?? m.Value);
        s = s.Replace("\\textpm", "±", StringComparison.Ordinal);
        return LatexCleaner.ToPlain(s).Replace('\n', ' ');
    }

    /// <summary>
    /// Bold when most of the cell's letters and digits sit under <c>\textbf</c>, <c>\mathbf</c>, <c>\bm</c> or after
    /// <c>\bf</c>, <c>\bfseries</c>, <c>\boldmath</c> in their group, so a bold footnote mark alone does not count.
    /// </summary>
    public static bool IsBold(string source, string plain)
    {
        var parts = new StringBuilder();
        foreach (Match m in BoldArgument().Matches(source))
        {
            if (LatexScanner.ReadGroup(source, m.Index + m.Length, out _) is { } argument)
            {
                parts.Append(argument).Append(' ');
            }
        }

        foreach (Match m in BoldSwitch().Matches(source))
        {
            var end = LatexScanner.EnclosingGroupEnd(source, m.Index + m.Length);
            parts.Append(source, m.Index + m.Length, (end < 0 ? source.Length : end) - m.Index - m.Length).Append(' ');
        }

        var total = Count(plain);
        return total > 0 && Math.Min(total, Count(Plain(parts.ToString(), MaxNesting))) * 2 >= total;

        static int Count(string s) => s.Count(char.IsLetterOrDigit);
    }

    /// <summary><c>\makecell[l]{Papers w/ \\ body text}</c> → "Papers w/ body text".</summary>
    private static string Unstack(string s)
    {
        var sb = new StringBuilder(s.Length);
        var last = 0;
        foreach (Match m in Stack().Matches(s))
        {
            if (m.Index < last || LatexScanner.ReadGroup(s, m.Index + m.Length, out var end) is not { } content)
            {
                continue;
            }

            sb.Append(s, last, m.Index - last).Append(' ').Append(LatexSplitter.Split(content, '\n').Aggregate((a, b) => a + " " + b)).Append(' ');
            last = end;
        }

        return sb.Append(s, last, s.Length - last).ToString();
    }

    private static string Nested(string name, string body, int nesting)
    {
        var i = LatexScanner.ReadOptional(body, 0, out var afterOptional) is null ? 0 : afterOptional;
        var groups = name is "tabular*" or "tabularx" or "tabulary" ? 2 : 1;
        for (var g = 0; g < groups && LatexScanner.ReadGroup(body, i, out var end) is not null; g++)
        {
            i = end;
        }

        var cells = LatexSplitter.Split(body[i..], '\n').SelectMany(row => LatexSplitter.Split(row, '&')).Select(c => Plain(c, nesting));
        return string.Join(' ', cells.Where(c => c.Length > 0));
    }

    /// <summary>TeX math as a table cell shows it: written out when simple, else kept as <c>$…$</c>.</summary>
    public static string MathText(string tex) => Flatten(tex) is { } plain ? TextNormalizer.Normalize(plain) : $"${tex.Trim()}$";

    /// <summary>Simple math written out, or null when it holds commands a reader would not see as plain text.</summary>
    private static string? Flatten(string math)
    {
        var unknown = false;
        var s = MathCommand().Replace(math, m =>
        {
            if (MathSymbols.TryGetValue(m.Groups["c"].Value, out var text))
            {
                return text;
            }

            unknown = true;
            return m.Value;
        });
        if (unknown)
        {
            return null;
        }

        s = Operator().Replace(s, m => m.Groups["l"].Value.Length > 0 && m.Groups["r"].Value.Length > 0 ? $"{m.Groups["l"].Value} {m.Groups["op"].Value} {m.Groups["r"].Value}" : m.Value.Trim());
        s = Superscript().Replace(s, m => m.Groups["a"].Value);
        s = Subscript().Replace(s, m => m.Groups["base"].Value + (Number().IsMatch(m.Groups["a"].Value) && m.Groups["base"].Value.Length > 0 && char.IsDigit(m.Groups["base"].Value[^1]) ? $" ({m.Groups["a"].Value})" : m.Groups["a"].Value));
        return s.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\\(?:makecell|shortstack|thead|makehead|Centerstack|Shortstack|Longstack)(?![A-Za-z])\s*(?:\[[^\]]*\]\s*)*", RegexOptions.CultureInvariant)]
    private static partial Regex Stack();

    [GeneratedRegex(@"(?<!\\)\$(?<m>(?:\\\$|[^$])+?)\$|\\\((?<m>.+?)\\\)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex InlineMath();

    [GeneratedRegex(@"\\(?<c>[A-Za-z]+|[,;:! %])", RegexOptions.CultureInvariant)]
    private static partial Regex MathCommand();

    /// <summary>A binary operator between two operands is spaced as TeX sets it: "70.1\pm0.3" → "70.1 ± 0.3".</summary>
    [GeneratedRegex(@"(?<l>[^\s±∓×≈≤≥·])?\s*(?<op>[±∓×≈≤≥·])\s*(?<r>[^\s±∓×≈≤≥·])?", RegexOptions.CultureInvariant)]
    private static partial Regex Operator();

    [GeneratedRegex(@"\^\s*(?:\{(?<a>[^{}]*)\}|(?<a>[^\s{}]))", RegexOptions.CultureInvariant)]
    private static partial Regex Superscript();

    [GeneratedRegex(@"(?<base>[^\s_]*)_\s*(?:\{(?<a>[^{}]*)\}|(?<a>[^\s{}]))", RegexOptions.CultureInvariant)]
    private static partial Regex Subscript();

    [GeneratedRegex(@"^\s*[-+]?\d+(?:\.\d+)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"\\(?:textbf|mathbf|bm|boldsymbol|pmb)\s*(?=\{)", RegexOptions.CultureInvariant)]
    private static partial Regex BoldArgument();

    [GeneratedRegex(@"\\(?:bf|bfseries|boldmath)(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex BoldSwitch();
}
