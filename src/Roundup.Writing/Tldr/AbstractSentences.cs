using System.Text.RegularExpressions;

namespace Roundup.Writing.Tldr;

/// <summary>
/// Splits an abstract into sentences: at a full stop, question or exclamation mark followed by a space and a capital,
/// digit, bracket or quote, but not after an abbreviation ("et al.", "e.g.", "Fig.") or an initial ("J. Smith").
/// </summary>
public static partial class AbstractSentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "al", "e.g", "i.e", "etc", "vs", "cf", "fig", "figs", "eq", "eqs", "sec", "secs", "no", "approx", "resp", "viz", "ref", "refs", "dr", "mr", "ms", "prof", "st",
    };

    public static IReadOnlyList<string> Split(string text)
    {
        var flat = Whitespace().Replace(text, " ").Trim();
        var sentences = new List<string>();
        var start = 0;
        foreach (Match end in Boundary().Matches(flat))
        {
            var cut = end.Index + end.Length;
            var before = LastWord(flat, end.Index);
            if (Abbreviations.Contains(before) || (before.Length == 1 && char.IsUpper(before[0])))
            {
                continue;
            }

            Add(flat[start..cut]);
            start = cut;
        }

        Add(flat[start..]);
        return sentences;

        void Add(string sentence)
        {
            var s = sentence.Trim();
            if (s.Length > 0)
            {
                sentences.Add(s);
            }
        }
    }

    /// <summary>The word just before the punctuation at <paramref name="index"/>, dots inside it kept ("e.g").</summary>
    private static string LastWord(string text, int index)
    {
        var i = index;
        while (i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] == '.'))
        {
            i--;
        }

        return text[i..index];
    }

    [GeneratedRegex(@"[.!?][""'”’)\]]?(?=\s+[""'“‘(\[]?[A-Z0-9])")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
