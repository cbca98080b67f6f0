using System.Text;
using System.Text.RegularExpressions;

namespace Roundup.FullText;

/// <summary>Plain text as every reader hands it out: NFKC (ligatures split), line-end hyphenation joined, whitespace collapsed.</summary>
public static partial class TextNormalizer
{
    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var s = text.Replace("\u00AD", "", StringComparison.Ordinal).Normalize(NormalizationForm.FormKC);
        s = LineEndHyphen().Replace(s, "$1$2");
        return Whitespace().Replace(s, " ").Trim();
    }

    // "re-\npresentation" → "representation"; a capital after the break ("Pre-\nTrained") keeps its hyphen.
    [GeneratedRegex(@"(\p{Ll})-[ \t]*\r?\n\s*(\p{Ll})", RegexOptions.CultureInvariant)]
    private static partial Regex LineEndHyphen();

    [GeneratedRegex(@"[\s\u200B\uFEFF]+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
