namespace Roundup.Ranking.Taste.History;

/// <summary>
/// Collects features into a <see cref="FeatureRecord"/>. Each addition may name its companions (the other authors of
/// the paper): a key's additions that share no companion are counted as different people, so a common name's record
/// is divided among the people who carry it instead of lifting every paper that carries it.
/// </summary>
public sealed class FeatureRecordBuilder
{
    private readonly Dictionary<string, List<(FeatureRecord.Feature Feature, HashSet<string> Companions)>> _added = new(StringComparer.Ordinal);

    public void Add(string key, DateOnly day, float weight, IEnumerable<string> companions, uint paper = 0)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!_added.TryGetValue(key, out var list))
        {
            _added[key] = list = [];
        }

        list.Add((new FeatureRecord.Feature(day, weight, paper), companions.Where(c => c != key).ToHashSet(StringComparer.Ordinal)));
    }

    /// <summary>
    /// The record of what was added, on top of <paramref name="basis"/> when given: its people estimates kept unless the
    /// new additions show more, and a key's addition of a paper the basis already has for it (the same fingerprint, or
    /// the same day when either has none) taken as the same feature, weighing the more of the two.
    /// </summary>
    public FeatureRecord Build(FeatureRecord? basis = null)
    {
        var entries = new Dictionary<string, FeatureRecord.Entry>(basis?.Entries ?? new Dictionary<string, FeatureRecord.Entry>(), StringComparer.Ordinal);
        foreach (var (key, added) in _added)
        {
            var previous = entries.GetValueOrDefault(key);
            var known = (previous?.Features ?? []).ToList();
            foreach (var (feature, _) in added)
            {
                var same = known.FindIndex(f => f.Paper != 0 && feature.Paper != 0 ? f.Paper == feature.Paper : f.Day == feature.Day);
                if (previous is not null && same >= 0 && same < previous.Features.Count)
                {
                    known[same] = known[same] with { Weight = Math.Max(known[same].Weight, feature.Weight) };
                }
                else
                {
                    known.Add(feature);
                }
            }

            var features = known.OrderBy(f => f.Day).ThenBy(f => f.Weight).ToList();
            entries[key] = new FeatureRecord.Entry(features, Math.Max(previous?.People ?? 1, People(added)));
        }

        return new FeatureRecord(entries);
    }

    private static int People(List<(FeatureRecord.Feature Feature, HashSet<string> Companions)> added)
    {
        var withCompanions = added.Where(a => a.Companions.Count > 0).Select(a => a.Companions).ToList();
        var parent = Enumerable.Range(0, withCompanions.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var i = 0; i < withCompanions.Count; i++)
        {
            for (var j = i + 1; j < withCompanions.Count; j++)
            {
                if (withCompanions[i].Overlaps(withCompanions[j]))
                {
                    parent[Find(i)] = Find(j);
                }
            }
        }

        return Math.Max(1, Enumerable.Range(0, withCompanions.Count).Select(Find).Distinct().Count());
    }
}
