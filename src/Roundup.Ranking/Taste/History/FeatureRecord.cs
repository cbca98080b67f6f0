using System.Globalization;
using System.Text;

namespace Roundup.Ranking.Taste.History;

/// <summary>
/// When each key (an author's name key, a code repository's owner) was featured, and with what weight: a track
/// record that can be read as of any day, so a paper is judged only on what was known before its week. A key's
/// <see cref="Entry.People"/> estimates how many different people share it (a common name): its record is divided
/// among them.
/// </summary>
public sealed class FeatureRecord
{
    private static readonly DateOnly Epoch = new(2000, 1, 1);
    private readonly Dictionary<string, Entry> _entries;

    public FeatureRecord(IReadOnlyDictionary<string, Entry> entries)
    {
        _entries = new Dictionary<string, Entry>(entries, StringComparer.Ordinal);
        End = _entries.Count == 0 ? null : _entries.Values.SelectMany(e => e.Features).Max(f => f.Day);
    }

    public static FeatureRecord Empty { get; } = new(new Dictionary<string, Entry>());

    /// <summary>The last day anything was featured; null for an empty record.</summary>
    public DateOnly? End { get; }

    public int Count => _entries.Count;

    public IReadOnlyDictionary<string, Entry> Entries => _entries;

    public Entry? Find(string key) => _entries.GetValueOrDefault(key);

    /// <summary>
    /// The key's features before <paramref name="asOf"/>, each worth its weight times e^(−age/τ), per person sharing
    /// the key. Ages count from <paramref name="asOf"/>, or from the day after <see cref="End"/> when the record stops
    /// earlier: a record that simply ends says nothing about what happened after it.
    /// </summary>
    public double Weight(string key, DateOnly asOf, double tau)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return 0;
        }

        var reference = End is { } end && end.AddDays(1) < asOf ? end.AddDays(1) : asOf;
        double sum = 0;
        foreach (var f in entry.Features)
        {
            if (f.Day < asOf)
            {
                sum += f.Weight * Math.Exp(-(reference.DayNumber - f.Day.DayNumber) / tau);
            }
        }

        return sum / Math.Max(1, entry.People);
    }

    /// <summary>One line per key, sorted: <c>KEY\tPEOPLE\tDAY[*WEIGHT],…</c> with days counted from 2000-01-01.</summary>
    public void Write(TextWriter writer)
    {
        foreach (var (key, entry) in _entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            writer.Write('\t');
            writer.Write(entry.People.ToString(CultureInfo.InvariantCulture));
            writer.Write('\t');
            writer.Write(string.Join(',', entry.Features.Select(Format)));
            writer.Write('\n');
        }
    }

    public static FeatureRecord Read(TextReader reader, string source)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var cells = line.Split('\t');
            if (cells.Length != 3 || !int.TryParse(cells[1], NumberStyles.None, CultureInfo.InvariantCulture, out var people))
            {
                throw new InvalidDataException($"{source}:{number}: expected KEY, PEOPLE and FEATURES separated by tabs");
            }

            entries[cells[0]] = new Entry([.. cells[2].Split(',').Select(f => Parse(f, source, number))], people);
        }

        return new FeatureRecord(entries);
    }

    private static string Format(Feature f)
    {
        var day = (f.Day.DayNumber - Epoch.DayNumber).ToString(CultureInfo.InvariantCulture);
        return f.Weight == 1f ? day : day + "*" + f.Weight.ToString("R", CultureInfo.InvariantCulture);
    }

    private static Feature Parse(string text, string source, int line)
    {
        var star = text.IndexOf('*', StringComparison.Ordinal);
        var dayText = star < 0 ? text : text[..star];
        if (!int.TryParse(dayText, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || (star >= 0 && !float.TryParse(text[(star + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            throw new InvalidDataException($"{source}:{line}: '{text}' is not DAY or DAY*WEIGHT");
        }

        var weight = star < 0 ? 1f : float.Parse(text[(star + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
        return new Feature(Epoch.AddDays(day), weight);
    }

    /// <summary>A key's features, oldest first, and how many people are thought to share it.</summary>
    public sealed record Entry(IReadOnlyList<Feature> Features, int People);

    public readonly record struct Feature(DateOnly Day, float Weight);
}
