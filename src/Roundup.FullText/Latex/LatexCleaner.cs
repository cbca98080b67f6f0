using System.Text;
using System.Text.RegularExpressions;

namespace Roundup.FullText.Latex;

/// <summary>
/// Turns a piece of LaTeX into plain text: citations become [cite], references [ref], formatting commands keep their
/// text, layout commands go, accents compose; math stays as written between dollars.
/// </summary>
internal static partial class LatexCleaner
{
    public static string ToPlain(string latex)
    {
        var math = new List<string>();
        var s = ProtectMath(latex, math);
        s = Commands(s, 0);
        s = s.Replace("~", " ", StringComparison.Ordinal).Replace("``", "\"", StringComparison.Ordinal).Replace("''", "\"", StringComparison.Ordinal)
            .Replace("---", "—", StringComparison.Ordinal).Replace("--", "–", StringComparison.Ordinal)
            .Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
        s = Placeholder().Replace(s, m => math[int.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)]);
        return TextNormalizer.Normalize(s);
    }

    /// <summary>Math is kept readable as its source: inline and display math become <c>$…$</c>, labels dropped.</summary>
    private static string ProtectMath(string s, List<string> math)
    {
        s = LatexEnvironments.Replace(s, (_, body) => Keep(body, math),
            "equation", "equation*", "align", "align*", "gather", "gather*", "multline", "multline*", "eqnarray", "eqnarray*", "displaymath", "math");
        return InlineMath().Replace(s, m => Keep(m.Groups["m"].Value, math));
    }

    private static string Keep(string body, List<string> math)
    {
        var clean = Whitespace().Replace(MathJunk().Replace(body, ""), " ").Trim();
        math.Add(clean.Length == 0 ? "" : $"${clean}$");
        return $"\uE000{math.Count - 1}\uE001";
    }

    private static string Commands(string s, int depth)
    {
        var sb = new StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c != '\\' || i + 1 >= s.Length)
            {
                sb.Append(c);
                i++;
                continue;
            }

            var name = LatexScanner.CommandName(s, i + 1);
            var end = i + 1 + name.Length;
            if (end < s.Length && s[end] == '*' && char.IsAsciiLetter(name[0]))
            {
                end++;
            }

            i = Command(s, name, end, sb, depth);
        }

        return sb.ToString();
    }

    /// <summary>Writes what the command at <paramref name="end"/> (just past its name) prints; returns where reading resumes.</summary>
    private static int Command(string s, string name, int end, StringBuilder sb, int depth)
    {
        if (LatexCommands.Accents.TryGetValue(name, out var accent) && (!char.IsAsciiLetter(name[0]) || (end < s.Length && s[end] is '{' or ' ')))
        {
            var arg = LatexScanner.ReadGroup(s, end, out var argEnd);
            var k = LatexScanner.SkipSpaces(s, end);
            var dotless = arg is null && k + 1 < s.Length && s[k] == '\\' && s[k + 1] is 'i' or 'j';
            var letter = dotless ? s[k + 1].ToString() : arg ?? (k < s.Length ? s[k].ToString() : "");
            sb.Append(letter.Replace("\\i", "i", StringComparison.Ordinal)).Append(accent);
            return arg is not null ? argEnd : Math.Min(s.Length, k + (dotless ? 2 : 1));
        }

        if (LatexCommands.Symbols.TryGetValue(name, out var symbol))
        {
            sb.Append(symbol);
            return name is "item" or "\\" ? SkipOptional(s, end) : end;
        }

        if (name.Contains("cite", StringComparison.Ordinal) && char.IsAsciiLetter(name[0]))
        {
            sb.Append("[cite]");
            return SkipArguments(s, end, 1);
        }

        if (name is "ref" or "autoref" or "cref" or "Cref" or "eqref" or "pageref" or "nameref" or "vref" or "subref")
        {
            sb.Append("[ref]");
            return SkipArguments(s, end, 1);
        }

        if (name is "footnote" or "footnotetext" && LatexScanner.ReadGroup(s, SkipOptional(s, end), out var footEnd) is { } note)
        {
            sb.Append(" (").Append(Recurse(note, depth)).Append(") ");
            return footEnd;
        }

        if (name == "href" && LatexScanner.ReadGroup(s, end, out var urlEnd) is { } url && LatexScanner.ReadGroup(s, urlEnd, out var textEnd) is { } text)
        {
            sb.Append(Recurse(text, depth)).Append(" (").Append(url).Append(')');
            return textEnd;
        }

        if (LatexCommands.KeepArgument.Contains(name))
        {
            return end;
        }

        if (LatexCommands.Drop.TryGetValue(name, out var args))
        {
            return SkipArguments(s, end, args);
        }

        // Unknown command: drop its name and keep what follows (its argument's text, if any).
        return end;
    }

    private static string Recurse(string s, int depth) => depth > 20 ? s : Commands(s, depth + 1);

    private static int SkipOptional(string s, int i)
    {
        while (LatexScanner.ReadOptional(s, i, out var end) is not null)
        {
            i = end;
        }

        return i;
    }

    private static int SkipArguments(string s, int i, int count)
    {
        i = SkipOptional(s, i);
        for (var a = 0; a < count; a++)
        {
            if (LatexScanner.ReadGroup(s, i, out var end) is null)
            {
                break;
            }

            i = SkipOptional(s, end);
        }

        return i;
    }

    [GeneratedRegex(@"\$\$(?<m>.+?)\$\$|\\\[(?<m>.+?)\\\]|\\\((?<m>.+?)\\\)|(?<!\\)\$(?<m>(?:\\\$|[^$])+?)\$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex InlineMath();

    [GeneratedRegex(@"\\label\s*\{[^{}]*\}|\\nonumber|\\notag", RegexOptions.CultureInvariant)]
    private static partial Regex MathJunk();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("\uE000(\\d+)\uE001")]
    private static partial Regex Placeholder();
}
