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
    /// the key; the feature of the paper <paramref name="exclude"/> (a fingerprint) does not count. Ages count from
    /// <paramref name="asOf"/>, or from the day after <see cref="End"/> when the record stops earlier: a record that
    /// simply ends says nothing about what happened after it.
    /// </summary>
    public double Weight(string key, DateOnly asOf, double tau, uint exclude = 0)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return 0;
        }

        double sum = 0;
        foreach (var f in entry.Features)
        {
            if (f.Day < asOf && (exclude == 0 || f.Paper != exclude))
            {
                sum += f.Weight * Decay(f.Day, asOf, tau);
            }
        }

        return sum / Math.Max(1, entry.People);
    }

    /// <summary>What a feature of <paramref name="day"/> is worth as of <paramref name="asOf"/> (or as of the record's end, when earlier).</summary>
    public double Decay(DateOnly day, DateOnly asOf, double tau)
    {
        var reference = End is { } end && end.AddDays(1) < asOf ? end.AddDays(1) : asOf;
        return Math.Exp(-(reference.DayNumber - day.DayNumber) / tau);
    }

    /// <summary>
    /// One line per key, sorted: <c>KEY\tPEOPLE\tDAY[*WEIGHT][#PAPER],…</c> with days counted from 2000-01-01 and the
    /// paper's fingerprint in hex.
    /// </summary>
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

    /// <summary>A key's features, oldest first, and how many people are thought to share it.</summary>
    public sealed record Entry(IReadOnlyList<Feature> Features, int People);

    /// <summary>One feature: its day, its weight, and the featured paper's <see cref="PaperFingerprint"/> (0 when unknown).</summary>
    public readonly record struct Feature(DateOnly Day, float Weight, uint Paper = 0);
}
