using Roundup.Ranking.Taste.Authors;

namespace Roundup.Ranking.Taste.History;

/// <summary>What the taste knows of earlier picks: who was featured when, whose code, and which titles.</summary>
public sealed record TasteHistory(FeatureRecord Authors, FeatureRecord CodeOwners, TitleMemory Titles)
{
    private Dictionary<string, string[]>? _byInitials;

    public static TasteHistory Empty { get; } = new(FeatureRecord.Empty, FeatureRecord.Empty, TitleMemory.Empty);

    /// <summary>The last day anything in it was featured.</summary>
    public DateOnly? End => new[] { Authors.End, CodeOwners.End, Titles.End }.Max();

    /// <summary>
    /// An author's decayed record per person sharing the name, as of a day, without the paper <paramref name="exclude"/>
    /// (a fingerprint). A name given with initials only (<c>J. Smith</c>) gets the average over every recorded name it
    /// could be, not their sum.
    /// </summary>
    public double AuthorRecord(string name, DateOnly asOf, double decayDays, uint exclude = 0)
    {
        var key = AuthorName.Key(name);
        if (key.Length == 0)
        {
            return 0;
        }

        if (!AuthorName.IsInitialsOnly(key))
        {
            return Authors.Weight(key, asOf, decayDays, exclude);
        }

        _byInitials ??= Authors.Entries.Keys
            .Where(k => !AuthorName.IsInitialsOnly(k))
            .GroupBy(AuthorName.InitialsKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var candidates = (_byInitials.GetValueOrDefault(AuthorName.InitialsKey(key)) ?? []).Append(key).Where(k => Authors.Find(k) is not null).ToList();
        return candidates.Count == 0 ? 0 : candidates.Average(k => Authors.Weight(k, asOf, decayDays, exclude));
    }
}
