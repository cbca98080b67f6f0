namespace Roundup.Ranking.Taste;

/// <summary>How often each author appeared among the curator's picks, by <see cref="AuthorNames.Key"/>.</summary>
public sealed class AuthorPrior
{
    private readonly Dictionary<string, int> _counts;

    public AuthorPrior(IReadOnlyDictionary<string, int> counts)
    {
        _counts = new Dictionary<string, int>(counts, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public static AuthorPrior FromPicks(IEnumerable<IReadOnlyList<string>> pickedAuthorLists)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var authors in pickedAuthorLists)
        {
            foreach (var key in authors.Where(AuthorNames.IsName).Select(AuthorNames.Key).Distinct(StringComparer.Ordinal))
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return new AuthorPrior(counts);
    }

    /// <summary>
    /// Each author's count of picks, the most-picked first. <paramref name="discount"/> takes the paper's own pick off
    /// when it is one of the picks counted (training), so a pick does not explain itself.
    /// </summary>
    public IReadOnlyList<(string Author, int Count)> Lookup(IReadOnlyList<string> authors, int discount = 0) =>
        authors
            .Where(AuthorNames.IsName)
            .Select(a => (Author: a, Count: Math.Max(0, _counts.GetValueOrDefault(AuthorNames.Key(a)) - discount)))
            .Where(a => a.Count > 0)
            .DistinctBy(a => AuthorNames.Key(a.Author))
            .OrderByDescending(a => a.Count)
            .ToList();
}
