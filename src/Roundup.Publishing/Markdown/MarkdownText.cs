using System.Text;
using System.Text.RegularExpressions;

namespace Roundup.Publishing.Markdown;

/// <summary>
/// Escapes text for CommonMark so that paper-derived words stay words: no emphasis, links, raw HTML
/// (<c>&lt;script&gt;</c> becomes <c>\&lt;script\&gt;</c>), entities, or block markers at a paragraph's start.
/// </summary>
internal static partial class MarkdownText
{
    private const string Escaped = "\\`*_[]<>|~&#!{}";

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Escaped.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Escapes a whole paragraph, including what would start a list, quote, heading or rule.</summary>
    public static string Paragraph(string text)
    {
        var escaped = Escape(text);
        var block = BlockStart().Match(escaped);
        return block.Success ? escaped.Insert(block.Groups["mark"].Index, "\\") : escaped;
    }

    /// <summary>A link destination: already an absolute URI; parentheses and spaces are percent-encoded.</summary>
    public static string Url(string url) =>
        url.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal);

    public static string Link(string text, string url) => $"[{Escape(text)}]({Url(url)})";

    // A line starting with -, +, =, or "1." / "1)" would become a list item, rule or setext heading.
    [GeneratedRegex(@"^\d{0,9}(?<mark>[-+=.)])(?=\s|$)|^(?<mark>[-+=])")]
    private static partial Regex BlockStart();
}
