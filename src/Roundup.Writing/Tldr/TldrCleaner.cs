using System.Text.RegularExpressions;

namespace Roundup.Writing.Tldr;

/// <summary>Makes a picked sentence a clean one-line TL;DR: one line, and the clean-ups asked for.</summary>
public static partial class TldrCleaner
{
    public static string Clean(string sentence, TldrCleaning cleaning)
    {
        var text = Whitespace().Replace(sentence, " ").Trim();
        if (cleaning.HasFlag(TldrCleaning.Openers))
        {
            var stripped = text;
            for (var match = Opener().Match(stripped); match.Success && match.Length < stripped.Length; match = Opener().Match(stripped))
            {
                stripped = stripped[match.Length..];
            }

            text = stripped.Length > 0 ? char.ToUpperInvariant(stripped[0]) + stripped[1..] : text;
        }

        if (cleaning.HasFlag(TldrCleaning.Parentheses))
        {
            text = Parenthesis().Replace(text, "");
        }
        else if (cleaning.HasFlag(TldrCleaning.Citations))
        {
            text = Citation().Replace(text, "");
        }

        text = SpaceBeforePunctuation().Replace(Whitespace().Replace(text, " "), "$1").Trim();
        return text.Length > 0 ? text : Whitespace().Replace(sentence, " ").Trim();
    }

    [GeneratedRegex(@"^(in|with) this (paper|work|study|article|note|thesis)\s*,?\s*|^(here|to this end|to that end|to (do so|address (this|these|the|that|them)( \w+){0,2})|specifically|in particular|concretely|finally|moreover|furthermore|additionally|in addition|however|thus|therefore|hence|consequently|as a result|in summary|overall|in contrast|instead|first(ly)?|second(ly)?|third(ly)?|lastly|then|next|notably|importantly|surprisingly|in practice|empirically|experimentally|theoretically)\s*,\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Opener();

    [GeneratedRegex(@"\s*\((?=[^()]*(et al\.?|\b(19|20)\d{2}[a-z]?\b))[^()]*\)|\s*\[\d+([,–-]\s*\d+)*\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"\s*\([^()]*\)|\s*\[[^\[\]]*\]")]
    private static partial Regex Parenthesis();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+([,.;:!?])")]
    private static partial Regex SpaceBeforePunctuation();
}
