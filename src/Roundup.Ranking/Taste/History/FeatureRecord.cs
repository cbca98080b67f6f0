using System.Globalization;

namespace Roundup.Ranking.Taste.History;

/// <summary>
/// When each key (an author's name key, a code repository's owner) was featured, and with what weight: a track
/// record that can be read as of any day, so a paper is judged only on what was known before its week. Each feature
/// keeps the featured paper's <see cref="PaperFingerprint"/>: a paper never counts its own feature, and the keys
/// featured with the same paper are its co-authors. A name whose features share no co-author is taken as several
/// people (a common name), and its record is divided among them.
/// </summary>
public sealed class FeatureRecord
{
    private static readonly DateOnly Epoch = new(2000, 1, 1);
    private readonly Dictionary<string, IReadOnlyList<Feature>> _entries;
    private readonly DateOnly[] _days;
    private Dictionary<uint, string[]>? _keysOfPaper;

    public FeatureRecord(IReadOnlyDictionary<string, IReadOnlyList<Feature>> entries)
    {
        _entries = new Dictionary<string, IReadOnlyList<Feature>>(entries, StringComparer.Ordinal);
        _days = [.. _entries.Values.SelectMany(e => e).Select(f => f.Day).Distinct().Order()];
        End = _days.Length == 0 ? null : _days[^1];
    }

    public static FeatureRecord Empty { get; } = new(new Dictionary<string, IReadOnlyList<Feature>>());

    /// <summary>The last day anything was featured; null for an empty record.</summary>
    public DateOnly? End { get; }

    public int Count => _entries.Count;

    public IReadOnlyDictionary<string, IReadOnlyList<Feature>> Entries => _entries;

    /// <summary>A key's features, oldest first, or null.</summary>
    public IReadOnlyList<Feature>? Find(string key) => _entries.GetValueOrDefault(key);

    /// <summary>
    /// The key's features before <paramref name="asOf"/>, each worth its weight times e^(−age/τ), divided among the
    /// people thought to share the key (<see cref="People"/>); the feature of the paper <paramref name="exclude"/> does
    /// not count. Ages count from <see cref="Reference"/>.
    /// </summary>
    public double Weight(string key, DateOnly asOf, double tau, uint exclude = 0)
    {
        if (!_entries.TryGetValue(key, out var features))
        {
            return 0;
        }

        var reference = Reference(asOf);
        double sum = 0;
        foreach (var f in features)
        {
            if (Counts(f, asOf, exclude))
            {
                sum += f.Weight * Math.Exp(-(reference.DayNumber - f.Day.DayNumber) / tau);
            }
        }

        return sum == 0 ? 0 : sum / People(key, asOf, exclude);
    }

    /// <summary>
    /// How many people seem to share the key as of a day: its features before then, grouped so that two features whose
    /// papers share a co-author are one person's. Features with no co-author known (a day list names only the first
    /// author) join no group. At least one.
    /// </summary>
    public int People(string key, DateOnly asOf, uint exclude = 0)
    {
        var keysOfPaper = _keysOfPaper ??= _entries
            .SelectMany(e => e.Value.Where(f => f.Paper != 0).Select(f => (f.Paper, Key: e.Key)))
            .GroupBy(x => x.Paper)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Key).Distinct(StringComparer.Ordinal).ToArray());
        var groups = (_entries.GetValueOrDefault(key) ?? [])
            .Where(f => f.Paper != 0 && Counts(f, asOf, exclude))
            .Select(f => keysOfPaper[f.Paper].Where(k => k != key).ToHashSet(StringComparer.Ordinal))
            .Where(companions => companions.Count > 0)
            .ToList();
        var parent = Enumerable.Range(0, groups.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var i = 0; i < groups.Count; i++)
        {
            for (var j = i + 1; j < groups.Count; j++)
            {
                if (groups[i].Overlaps(groups[j]))
                {
                    parent[Find(i)] = Find(j);
                }
            }
        }

        return Math.Max(1, Enumerable.Range(0, groups.Count).Select(Find).Distinct().Count());
    }

    /// <summary>What a feature of <paramref name="day"/> is worth as of <paramref name="asOf"/>.</summary>
    public double Decay(DateOnly day, DateOnly asOf, double tau) =>
        Math.Exp(-(Reference(asOf).DayNumber - day.DayNumber) / tau);

    /// <summary>
    /// The day ages are counted from when reading as of <paramref name="asOf"/>: it, or the day after the record's last
    /// feature before it when that is earlier. A record that simply stops (the shipped history ends in June 2025) says
    /// nothing about what happened after it.
    /// </summary>
    public DateOnly Reference(DateOnly asOf) => LastBefore(_days, asOf) is { } last && last.AddDays(1) < asOf ? last.AddDays(1) : asOf;

    /// <summary>The last of the sorted <paramref name="days"/> before <paramref name="asOf"/>, or null.</summary>
    internal static DateOnly? LastBefore(DateOnly[] days, DateOnly asOf)
    {
        var at = Array.BinarySearch(days, asOf);
        var before = (at >= 0 ? at : ~at) - 1;
        return before >= 0 ? days[before] : null;
    }

    /// <summary>
    /// One line per key, sorted: <c>KEY\tDAY[*WEIGHT][#PAPER],…</c> with days counted from 2000-01-01 and the
    /// paper's fingerprint in hex.
    /// </summary>
    public void Write(TextWriter writer)
    {
        foreach (var (key, features) in _entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            writer.Write('\t');
            writer.Write(string.Join(',', features.Select(Format)));
            writer.Write('\n');
        }
    }

    public static FeatureRecord Read(TextReader reader, string source)
    {
        var entries = new Dictionary<string, IReadOnlyList<Feature>>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var cells = line.Split('\t');
            if (cells.Length != 2 || cells[0].Length == 0)
            {
                throw new InvalidDataException($"{source}:{number}: expected KEY and FEATURES separated by a tab");
            }

            entries[cells[0]] = [.. cells[1].Split(',').Select(f => Parse(f, source, number))];
        }

        return new FeatureRecord(entries);
    }

    private static bool Counts(Feature f, DateOnly asOf, uint exclude) => f.Day < asOf && (exclude == 0 || f.Paper != exclude);

    private static string Format(Feature f)
    {
        var text = (f.Day.DayNumber - Epoch.DayNumber).ToString(CultureInfo.InvariantCulture);
        if (f.Weight != 1f)
        {
            text += "*" + f.Weight.ToString("R", CultureInfo.InvariantCulture);
        }

        return f.Paper == 0 ? text : text + "#" + f.Paper.ToString("x8", CultureInfo.InvariantCulture);
    }

    private static Feature Parse(string text, string source, int line)
    {
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var rest = hash < 0 ? text : text[..hash];
        var star = rest.IndexOf('*', StringComparison.Ordinal);
        uint paper = 0;
        float weight = 1f;
        if (!int.TryParse(star < 0 ? rest : rest[..star], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || (star >= 0 && !float.TryParse(rest[(star + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out weight))
            || (hash >= 0 && !uint.TryParse(text[(hash + 1)..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out paper)))
        {
            throw new InvalidDataException($"{source}:{line}: '{text}' is not DAY[*WEIGHT][#PAPER]");
        }

        return new Feature(Epoch.AddDays(day), weight, paper);
    }

    /// <summary>One feature: its day, its weight, and the featured paper's <see cref="PaperFingerprint"/> (0 when unknown).</summary>
    public readonly record struct Feature(DateOnly Day, float Weight, uint Paper = 0);
}
