using Roundup.Writing.Rouge;

namespace Roundup.Writing.Tldr;

/// <summary>The stems of a text's content words: its ROUGE tokens less function words, stock phrases and bare numbers.</summary>
public static class ContentWords
{
    private static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "for", "with", "by", "from", "at", "as", "into",
        "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "we", "our",
        "us", "they", "their", "which", "who", "whose", "can", "could", "may", "might", "will", "would", "should", "has",
        "have", "had", "do", "does", "not", "than", "then", "such", "both", "each", "also", "more", "most", "other",
        "some", "any", "all", "there", "here", "however", "thus", "while", "when", "where", "how", "what", "between",
        "over", "under", "via", "using", "use", "used", "based", "paper", "work", "show", "shows", "propose", "proposed",
        "approach", "method", "methods", "new", "novel", "results",
    };

    public static string[] Of(string text) =>
        RougeTokenizer.Words(text).Where(w => !Stopwords.Contains(w) && !w.All(char.IsAsciiDigit)).Select(RougeTokenizer.Stem).ToArray();
}
