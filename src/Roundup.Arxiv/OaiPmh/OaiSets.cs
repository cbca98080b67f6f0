namespace Roundup.Arxiv.OaiPmh;

/// <summary>The OAI-PMH sets that hold a list of categories: one per archive group, each once.</summary>
public static class OaiSets
{
    private static readonly HashSet<string> TopLevel = new(StringComparer.Ordinal)
    {
        "cs", "econ", "eess", "math", "q-bio", "q-fin", "stat",
    };

    /// <summary>cs.LG → <c>cs</c>, stat.ML → <c>stat</c>, hep-th → <c>physics:hep-th</c>. No categories: one walk without a set.</summary>
    public static IReadOnlyList<string> For(IReadOnlyList<string> categories)
    {
        if (categories.Count == 0)
        {
            return [""];
        }

        var sets = new List<string>();
        foreach (var category in categories)
        {
            var archive = category.Split('.')[0].Trim().ToLowerInvariant();
            var set = TopLevel.Contains(archive) ? archive : $"physics:{archive}";
            if (!sets.Contains(set, StringComparer.Ordinal))
            {
                sets.Add(set);
            }
        }

        return sets;
    }
}
