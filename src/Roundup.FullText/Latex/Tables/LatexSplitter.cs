namespace Roundup.FullText.Latex.Tables;

/// <summary>
/// Splits tabular source into rows (on <c>\\</c> and <c>\tabularnewline</c>) or a row into cells (on <c>&amp;</c>),
/// only at the top level: a break inside a group (<c>\makecell{a\\b}</c>) or a nested environment (a tabular in a
/// cell) belongs to that cell.
/// </summary>
internal static class LatexSplitter
{
    /// <param name="on"><c>'\n'</c> for rows, <c>'&amp;'</c> for cells.</param>
    public static List<string> Split(string s, char on)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '\\')
            {
                var name = LatexScanner.CommandName(s, i + 1);
                var after = i + 1 + Math.Max(1, name.Length);
                if (name is "begin" or "end" && LatexScanner.ReadGroup(s, after, out var nameEnd) is not null)
                {
                    depth = Math.Max(0, depth + (name == "begin" ? 1 : -1));
                    after = nameEnd;
                }
                else if (depth == 0 && on == '\n' && name is "\\" or "tabularnewline")
                {
                    parts.Add(s[start..i]);
                    start = SkipBreakOptions(s, after);
                    after = start;
                }

                i = after;
                continue;
            }

            if (c is '{' or '}')
            {
                depth = Math.Max(0, depth + (c == '{' ? 1 : -1));
            }
            else if (c == '&' && on == '&' && depth == 0)
            {
                parts.Add(s[start..i]);
                start = i + 1;
            }

            i++;
        }

        parts.Add(s[start..]);
        return parts;
    }

    /// <summary>Past <c>*</c> and <c>[2pt]</c> after a row break.</summary>
    private static int SkipBreakOptions(string s, int i)
    {
        if (i < s.Length && s[i] == '*')
        {
            i++;
        }

        return LatexScanner.ReadOptional(s, i, out var end) is null ? i : end;
    }
}
