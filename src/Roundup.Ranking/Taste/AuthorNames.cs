namespace Roundup.Ranking.Taste;

/// <summary>The key an author is counted under: trimmed, single-spaced, case-folded.</summary>
public static class AuthorNames
{
    public static string Key(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    /// <summary>False for listing debris such as ":" left where an author list was split badly.</summary>
    public static bool IsName(string name) => name.Any(char.IsLetter);
}
