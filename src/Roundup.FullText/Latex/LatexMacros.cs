using System.Text;
using System.Text.RegularExpressions;

namespace Roundup.FullText.Latex;

/// <summary>
/// Expands the document's own simple macros (<c>\newcommand</c>, <c>\renewcommand</c>, <c>\def</c>, up to 9 plain
/// arguments) so that text and hidden styling behind a macro are seen; the number of expansions is bounded.
/// </summary>
internal sealed partial class LatexMacros(string source, FullTextLimits limits, ReadBudget? budget = null)
{
    private readonly Dictionary<string, (int Args, string Body)> _macros = new(StringComparer.Ordinal);
    private int _expansions;
    private int _scanned;

    public string CollectAndExpand(string text)
    {
        foreach (Match m in Definition().Matches(text))
        {
            var body = LatexScanner.ReadGroup(text, m.Index + m.Length, out _);
            if (body is not null && !m.Groups["default"].Success)
            {
                _macros[m.Groups["name"].Value] = (m.Groups["args"].Success ? m.Groups["args"].Value[0] - '0' : 0, body);
            }
        }

        var result = RemoveDefinitions(text);
        for (var round = 0; round < 32 && _macros.Count > 0; round++)
        {
            budget?.Check();
            var expanded = ExpandOnce(result);
            if (expanded == result)
            {
                break;
            }

            result = expanded;
        }

        return result;
    }

    private static string RemoveDefinitions(string text)
    {
        var sb = new StringBuilder(text.Length);
        var last = 0;
        foreach (Match m in Definition().Matches(text))
        {
            if (m.Index < last)
            {
                continue;
            }

            if (LatexScanner.ReadGroup(text, m.Index + m.Length, out var end) is not null)
            {
                sb.Append(text, last, m.Index - last);
                last = end;
            }
        }

        sb.Append(text, last, text.Length - last);
        return sb.ToString();
    }

    private string ExpandOnce(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var slash = text.IndexOf('\\', i);
            if (slash < 0 || slash + 1 >= text.Length)
            {
                break;
            }

            if ((++_scanned & 4095) == 0)
            {
                budget?.Check();
            }

            var name = LatexScanner.CommandName(text, slash + 1);
            if (!_macros.TryGetValue(name, out var macro) || !char.IsAsciiLetter(name[0]))
            {
                sb.Append(text, i, slash + 1 + name.Length - i);
                i = slash + 1 + name.Length;
                continue;
            }

            var body = macro.Body;
            var end = slash + 1 + name.Length;
            for (var a = 1; a <= macro.Args; a++)
            {
                var arg = LatexScanner.ReadGroup(text, end, out var argEnd);
                if (arg is null)
                {
                    var k = LatexScanner.SkipSpaces(text, end);
                    arg = k < text.Length ? text[k].ToString() : "";
                    argEnd = Math.Min(text.Length, k + 1);
                }

                body = body.Replace("#" + a, arg, StringComparison.Ordinal);
                end = argEnd;
            }

            if (++_expansions > limits.MaxMacroExpansions || sb.Length > limits.MaxExpandedChars)
            {
                throw new FullTextException(source, $"the LaTeX macros expand more than {limits.MaxMacroExpansions:N0} times or past {limits.MaxExpandedChars:N0} characters");
            }

            sb.Append(text, i, slash - i);
            sb.Append(body);
            if (macro.Args == 0 && end < text.Length && char.IsAsciiLetter(text[end]))
            {
                sb.Append(' ');
            }

            i = end;
        }

        sb.Append(text, i, text.Length - i);
        return sb.ToString();
    }

    [GeneratedRegex(@"\\(?:(?:re)?newcommand\*?|providecommand\*?|DeclareRobustCommand\*?)\s*\{?\s*\\(?<name>[A-Za-z@]+)\s*\}?\s*(?:\[(?<args>[1-9])\])?\s*(?:\[(?<default>[^\]]*)\])?|\\g?def\s*\\(?<name>[A-Za-z@]+)(?=\s*\{)", RegexOptions.CultureInvariant)]
    private static partial Regex Definition();
}
