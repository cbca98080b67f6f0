using System.Text;
using Roundup.Papers;

namespace Roundup.Arxiv.Sources;

/// <summary>
/// Text clean-up shared by the three arXiv sources: metadata arrives hard-wrapped at 80 columns, so runs of
/// whitespace become one space; TeX is left as it is.
/// </summary>
public static class MetadataText
{
    /// <summary>Collapses runs of whitespace (newlines included) to one space and trims; null stays null.</summary>
    public static string? Collapse(string? text) => text is null ? null : PaperText.Collapse(text);

    /// <summary>Collapsed, or null when nothing but whitespace is left.</summary>
    public static string? CollapseOrNull(string? text) => PaperText.CollapseOrNull(text);

    /// <summary>
    /// Splits an author string such as <c>A. Smith (MIT), B. Jones, and C. Wu</c> on commas and " and " outside
    /// parentheses, dropping the parenthesised affiliations.
    /// </summary>
    public static IReadOnlyList<string> SplitAuthors(string? text)
    {
        var authors = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return authors;
        }

        var s = Collapse(text)!;
        var current = new StringBuilder();
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0 && c == ',')
            {
                Flush(current, authors);
                continue;
            }
            else if (depth == 0 && string.CompareOrdinal(s, i, " and ", 0, 5) == 0)
            {
                Flush(current, authors);
                i += 4;
                continue;
            }
            else if (depth == 0)
            {
                current.Append(c);
            }
        }

        Flush(current, authors);
        return authors;
    }

    private static void Flush(StringBuilder current, List<string> authors)
    {
        var name = Collapse(current.ToString())!;
        current.Clear();
        if (name.StartsWith("and ", StringComparison.Ordinal))
        {
            name = name[4..].TrimStart();
        }

        if (name.Length > 0)
        {
            authors.Add(name);
        }
    }
}
