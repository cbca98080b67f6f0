namespace Roundup.Arxiv.Sources;

/// <summary>Whether a paper's categories meet a request's: an exact category (<c>cs.LG</c>) or a whole archive (<c>cs</c>).</summary>
public static class CategoryMatch
{
    public static bool Matches(string category, string wanted) =>
        string.Equals(category, wanted, StringComparison.OrdinalIgnoreCase)
        || (!wanted.Contains('.', StringComparison.Ordinal)
            && category.StartsWith(wanted + ".", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="wanted"/> is empty (everything) or one of the categories matches it.</summary>
    public static bool Any(IReadOnlyList<string> categories, IReadOnlyList<string> wanted) =>
        wanted.Count == 0 || categories.Any(c => wanted.Any(w => Matches(c, w)));

    /// <summary>True when the paper's primary category is one of the wanted ones (so a listing shows it as new, not cross).</summary>
    public static bool IsPrimaryIn(IReadOnlyList<string> categories, IReadOnlyList<string> wanted) =>
        wanted.Count == 0 || (categories.Count > 0 && wanted.Any(w => Matches(categories[0], w)));
}
