namespace Roundup.Ranking.Taste;

/// <summary>The key an author is counted under: trimmed, single-spaced, case-folded.</summary>
public static class AuthorNames
{
    public static string Key(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
