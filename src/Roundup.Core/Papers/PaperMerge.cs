namespace Roundup.Papers;

/// <summary>
/// Folds a new sighting of a paper into what is stored: one paper per canonical id. A newer version replaces the
/// metadata and is recorded as a version; a cross-list adds categories; the earliest announcement wins.
/// </summary>
public static class PaperMerge
{
    public static Paper Merge(Paper stored, Paper incoming)
    {
        if (stored.Id.Canonical != incoming.Id.Canonical)
        {
            throw new ArgumentException($"cannot merge {incoming.Id} into {stored.Id}", nameof(incoming));
        }

        var newer = incoming.Version >= stored.Version ? incoming : stored;
        var older = ReferenceEquals(newer, incoming) ? stored : incoming;

        var (announced, type) = FirstAnnouncement(stored, incoming);
        return newer with
        {
            Id = stored.Id.WithoutVersion(),
            Version = Math.Max(stored.Version, incoming.Version),
            Abstract = newer.Abstract.Length > 0 ? newer.Abstract : older.Abstract,
            Authors = newer.Authors.Count > 0 ? newer.Authors : older.Authors,
            Categories = MergeCategories(newer.Categories, older.Categories),
            Comment = newer.Comment ?? older.Comment,
            JournalRef = newer.JournalRef ?? older.JournalRef,
            Doi = newer.Doi ?? older.Doi,
            License = newer.License ?? older.License,
            Submitted = Earliest(stored.Submitted, incoming.Submitted),
            Announced = announced,
            AnnounceType = type,
            Versions = MergeVersions(stored.Versions, incoming.Versions),
        };
    }

    /// <summary>Primary first, from the list that names one; the other list's extras appended in order.</summary>
    public static IReadOnlyList<string> MergeCategories(IReadOnlyList<string> preferred, IReadOnlyList<string> other)
    {
        if (preferred.Count == 0)
        {
            return other;
        }

        var result = new List<string>(preferred.Count + other.Count);
        foreach (var c in preferred.Concat(other))
        {
            if (!result.Contains(c, StringComparer.Ordinal))
            {
                result.Add(c);
            }
        }

        return result;
    }

    private static (DateOnly? Announced, AnnounceType Type) FirstAnnouncement(Paper a, Paper b)
    {
        if (a.Announced is null)
        {
            return (b.Announced, b.Announced is null ? Stronger(a.AnnounceType, b.AnnounceType) : b.AnnounceType);
        }

        if (b.Announced is null || a.Announced < b.Announced)
        {
            return (a.Announced, a.AnnounceType);
        }

        if (b.Announced < a.Announced)
        {
            return (b.Announced, b.AnnounceType);
        }

        return (a.Announced, Stronger(a.AnnounceType, b.AnnounceType));
    }

    // Seen the same day as new in one category and cross in another: it is a new paper.
    private static AnnounceType Stronger(AnnounceType a, AnnounceType b) =>
        a == AnnounceType.New || b == AnnounceType.New ? AnnounceType.New
        : a == AnnounceType.Unknown ? b
        : a;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    private static IReadOnlyList<PaperVersion> MergeVersions(IReadOnlyList<PaperVersion> a, IReadOnlyList<PaperVersion> b)
    {
        if (b.Count == 0)
        {
            return a;
        }

        if (a.Count == 0)
        {
            return b;
        }

        return a.Concat(b)
            .GroupBy(v => v.Number)
            .Select(g => g.Last() with { Submitted = g.Select(v => v.Submitted).FirstOrDefault(s => s is not null), Size = g.Select(v => v.Size).FirstOrDefault(s => s is not null) })
            .OrderBy(v => v.Number)
            .ToList();
    }
}
