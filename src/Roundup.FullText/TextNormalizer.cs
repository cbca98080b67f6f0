using System.Text;
using System.Text.RegularExpressions;

namespace Roundup.FullText;

/// <summary>Plain text as every reader hands it out: NFKC (ligatures split), line-end hyphenation joined, whitespace collapsed.</summary>
public static partial class TextNormalizer
{
    // With InvariantGlobalization (this repository's setting) string.Normalize leaves text as it is, so the
    // compatibility mappings that matter for papers are applied by hand when the runtime cannot.
    private static readonly bool RuntimeNormalizes = "\uFB01".Normalize(NormalizationForm.FormKC) == "fi";

    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var s = text.Replace("\u00AD", "", StringComparison.Ordinal);
        s = RuntimeNormalizes ? s.Normalize(NormalizationForm.FormKC) : CompatibilityMap.Apply(s);
        s = LineEndHyphen().Replace(s, "$1$2");
        s = LineEndHyphenBeforeCapital().Replace(s, "$1-$2");
        return Whitespace().Replace(s, " ").Trim();
    }

    // "re-\npresentation" → "representation"; a capital after the break ("Pre-\nTrained") keeps its hyphen.
    [GeneratedRegex(@"(\p{Ll})-[ \t]*\r?\n\s*(\p{Ll})", RegexOptions.CultureInvariant)]
    private static partial Regex LineEndHyphen();

    [GeneratedRegex(@"(\p{L})-[ \t]*\r?\n\s*(\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex LineEndHyphenBeforeCapital();

    [GeneratedRegex(@"[\s\u200B\uFEFF]+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
