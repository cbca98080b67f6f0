using System.Text;
using System.Text.RegularExpressions;

namespace Roundup.FullText.Latex;

/// <summary>Finds, extracts and removes <c>\begin{name}…\end{name}</c> environments (nesting of the same name counted).</summary>
internal static partial class LatexEnvironments
{
    /// <summary>Each occurrence of the named environments, outermost first, as (start, content start, content end, end).</summary>
    public static IEnumerable<(int Start, int ContentStart, int ContentEnd, int End, string Name)> Find(string s, params string[] names)
    {
        var i = 0;
        while (i < s.Length)
        {
            var m = Begin().Match(s, i);
            if (!m.Success)
            {
                yield break;
            }

            var name = m.Groups[1].Value;
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                i = m.Index + m.Length;
                continue;
            }

            var end = FindEnd(s, name, m.Index + m.Length);
            if (end.Start < 0)
            {
                yield return (m.Index, m.Index + m.Length, s.Length, s.Length, name);
                yield break;
            }

            yield return (m.Index, m.Index + m.Length, end.Start, end.End, name);
            i = end.End;
        }
    }

    /// <summary>Replaces each occurrence with what <paramref name="replace"/> makes of its content.</summary>
    public static string Replace(string s, Func<string, string, string> replace, params string[] names)
    {
        var sb = new StringBuilder(s.Length);
        var last = 0;
        foreach (var env in Find(s, names))
        {
            sb.Append(s, last, env.Start - last);
            sb.Append(replace(env.Name, s[env.ContentStart..env.ContentEnd]));
            last = env.End;
        }

        sb.Append(s, last, s.Length - last);
        return sb.ToString();
    }

    public static string Remove(string s, params string[] names) => Replace(s, (_, _) => "\n\n", names);

    private static (int Start, int End) FindEnd(string s, string name, int from)
    {
        var depth = 1;
        var begin = $"\\begin{{{name}}}";
        var end = $"\\end{{{name}}}";
        var i = from;
        while (i < s.Length)
        {
            var nextEnd = s.IndexOf(end, i, StringComparison.Ordinal);
            if (nextEnd < 0)
            {
                return (-1, -1);
            }

            var nextBegin = s.IndexOf(begin, i, StringComparison.Ordinal);
            if (nextBegin >= 0 && nextBegin < nextEnd)
            {
                depth++;
                i = nextBegin + begin.Length;
                continue;
            }

            if (--depth == 0)
            {
                return (nextEnd, nextEnd + end.Length);
            }

            i = nextEnd + end.Length;
        }

        return (-1, -1);
    }

    [GeneratedRegex(@"\\begin\s*\{([^{}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Begin();
}
