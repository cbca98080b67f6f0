namespace Roundup.Writing.Rouge;

/// <summary>
/// Tokens as the common <c>rouge-score</c> setting makes them: lower case, every run of characters other than a–z
/// and 0–9 is a separator, and words longer than three letters are Porter-stemmed.
/// </summary>
public static class RougeTokenizer
{
    public static string[] Tokenize(string text) => Words(text).Select(Stem).ToArray();

    /// <summary>A word longer than three letters stemmed, a shorter one as it is.</summary>
    public static string Stem(string word) => word.Length > 3 ? PorterStemmer.Stem(word) : word;

    /// <summary>The lower-case alphanumeric words of a text, unstemmed.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                current.Append(lower);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
