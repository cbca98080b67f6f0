namespace Roundup.Ranking.Taste.History;

/// <summary>Collects features into a <see cref="FeatureRecord"/>, alone or on top of another record.</summary>
public sealed class FeatureRecordBuilder
{
    private readonly Dictionary<string, List<FeatureRecord.Feature>> _added = new(StringComparer.Ordinal);

    public void Add(string key, DateOnly day, float weight, uint paper = 0)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!_added.TryGetValue(key, out var list))
        {
            _added[key] = list = [];
        }

        list.Add(new FeatureRecord.Feature(day, weight, paper));
    }

    /// <summary>
    /// The record of what was added, on top of <paramref name="basis"/> when given: a key's addition of a paper the basis
    /// already has for it (the same fingerprint, or the same day when either has none) is the same feature, at the
    /// higher of the two weights.
    /// </summary>
    public FeatureRecord Build(FeatureRecord? basis = null)
    {
        var entries = new Dictionary<string, IReadOnlyList<FeatureRecord.Feature>>(basis?.Entries ?? new Dictionary<string, IReadOnlyList<FeatureRecord.Feature>>(), StringComparer.Ordinal);
        foreach (var (key, added) in _added)
        {
            var previous = entries.GetValueOrDefault(key) ?? [];
            var known = previous.ToList();
            foreach (var feature in added)
            {
                var same = known.FindIndex(f => f.Paper != 0 && feature.Paper != 0 ? f.Paper == feature.Paper : f.Day == feature.Day);
                if (same >= 0 && same < previous.Count)
                {
                    known[same] = known[same] with { Weight = Math.Max(known[same].Weight, feature.Weight) };
                }
                else
                {
                    known.Add(feature);
                }
            }

            entries[key] = [.. known.OrderBy(f => f.Day).ThenBy(f => f.Paper).ThenBy(f => f.Weight)];
        }

        return new FeatureRecord(entries);
    }
}
