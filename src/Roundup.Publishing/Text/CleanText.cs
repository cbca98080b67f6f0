using System.Globalization;
using System.Text;

namespace Roundup.Publishing.Text;

/// <summary>
/// Makes paper-derived text safe to place anywhere: control characters (which XML forbids and which could forge a
/// header line or a splice marker), line and paragraph separators, lone surrogates and noncharacters become spaces,
/// and whitespace runs collapse to one space. Escaping for each format happens later, in that format's writer.
/// </summary>
internal static class CleanText
{
    public static string Inline(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                AppendPending(builder, ref space);
                builder.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (IsBlank(c))
            {
                space = true;
                continue;
            }

            AppendPending(builder, ref space);
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Paragraphs separated by blank lines, each cleaned inline; empty ones are dropped.</summary>
    public static IReadOnlyList<string> Paragraphs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return normalized.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(Inline)
            .Where(p => p.Length > 0)
            .ToList();
    }

    public static IReadOnlyList<string> Paragraphs(IEnumerable<string> paragraphs) =>
        paragraphs.SelectMany(Paragraphs).ToList();

    private static void AppendPending(StringBuilder builder, ref bool space)
    {
        if (space && builder.Length > 0)
        {
            builder.Append(' ');
        }

        space = false;
    }

    private static bool IsBlank(char c) =>
        char.IsWhiteSpace(c)
        || char.IsSurrogate(c) // unpaired: paired ones were copied above
        || c is '\uFFFE' or '\uFFFF'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
