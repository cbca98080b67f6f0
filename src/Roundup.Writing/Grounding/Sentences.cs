using System.Text.RegularExpressions;

namespace Roundup.Writing.Grounding;

/// <summary>
/// Splits an entry's paragraph into sentences, keeping their text as written, so a sentence can be dropped and the
/// rest joined again. A full stop after "e.g.", "vs.", "et al.", "Fig." and the like does not end a sentence.
/// </summary>
public static partial class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "vs", "al", "fig", "figs", "eq", "eqs", "sec", "cf", "approx", "resp", "no", "tab", "etc", "incl",
    };

    public static IReadOnlyList<string> Split(string? paragraph)
    {
        var text = paragraph?.Trim() ?? "";
        var sentences = new List<string>();
        var start = 0;
        foreach (Match end in SentenceEnd().Matches(text))
        {
            var word = LastWord().Match(text, start, end.Index + end.Length - start).Value;
            if (Abbreviations.Contains(word))
            {
                continue;
            }

            Add(sentences, text[start..(end.Index + end.Length)]);
            start = end.Index + end.Length;
        }

        Add(sentences, text[start..]);
        return sentences;
    }

    private static void Add(List<string> sentences, string sentence)
    {
        if (sentence.Trim() is { Length: > 0 } trimmed)
        {
            sentences.Add(trimmed);
        }
    }

    [GeneratedRegex(@"[.!?][""”’)]?(?=\s+[""“(\[]?[\p{Lu}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}.]+(?=[.!?][""”’)]?$)", RegexOptions.CultureInvariant)]
    private static partial Regex LastWord();
}
