using System.Text;

namespace Roundup.Ranking.Taste.History;

/// <summary>
/// The titles of papers featured before, as dated embeddings (8-bit, one scale per vector), so a new title can be
/// compared with the picks of the weeks before its own: "nearest past picks". Like <see cref="FeatureRecord"/>, it is
/// read as of a day, and a memory that ends earlier is read as of its end.
/// </summary>
public sealed class TitleMemory
{
    private const string Magic = "RTM2";
    private static readonly DateOnly Epoch = new(2000, 1, 1);
    private readonly Item[] _items;
    private DateOnly[]? _days;

    private TitleMemory(int dimensions, IEnumerable<Item> items)
    {
        Dimensions = dimensions;
        _items = [.. items.OrderBy(i => i.Day).ThenBy(i => i.Paper).ThenBy(i => i.Scale)];
        End = _items.Length == 0 ? null : _items[^1].Day;
    }

    public static TitleMemory Empty { get; } = new(0, []);

    public int Dimensions { get; }

    public int Count => _items.Length;

    public DateOnly? End { get; }

    public DateOnly? Start => _items.Length == 0 ? null : _items[0].Day;

    /// <summary>The titles' vectors, each with its day and its paper's <see cref="PaperFingerprint"/>.</summary>
    public static TitleMemory From(IEnumerable<(DateOnly Day, uint Paper, float[] Vector)> titles)
    {
        var items = titles.Select(t => Quantize(t.Day, t.Paper, t.Vector)).ToList();
        var dimensions = items.Count == 0 ? 0 : items[0].Values.Length;
        if (items.Any(i => i.Values.Length != dimensions))
        {
            throw new ArgumentException("every vector needs the same number of dimensions", nameof(titles));
        }

        return new TitleMemory(dimensions, items);
    }

    /// <summary>
    /// This memory and <paramref name="other"/> together, keeping only what is dated on or after <paramref name="from"/>;
    /// a paper both hold is kept once.
    /// </summary>
    public TitleMemory Merge(TitleMemory other, DateOnly from)
    {
        if (Count > 0 && other.Count > 0 && Dimensions != other.Dimensions)
        {
            throw new ArgumentException($"memories of {Dimensions} and {other.Dimensions} dimensions", nameof(other));
        }

        var kept = _items.Where(i => i.Day >= from).ToList();
        var seen = kept.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        kept.AddRange(other._items.Where(i => i.Day >= from && seen.Add(i.Key)));
        return new TitleMemory(Math.Max(Dimensions, other.Dimensions), kept);
    }

    /// <summary>
    /// The cosine similarities of <paramref name="vector"/> to the titles featured in the <paramref name="windowDays"/>
    /// days before <paramref name="asOf"/> (or before the day after the memory's last title before it, when earlier),
    /// the closest first, at most <paramref name="take"/>; the paper <paramref name="exclude"/> (a fingerprint) is not
    /// its own past pick.
    /// </summary>
    public IReadOnlyList<double> Nearest(ReadOnlySpan<float> vector, DateOnly asOf, int windowDays, int take, uint exclude = 0)
    {
        if (_items.Length == 0 || vector.Length != Dimensions)
        {
            return [];
        }

        var days = _days ??= [.. _items.Select(i => i.Day).Distinct()];
        var until = FeatureRecord.LastBefore(days, asOf) is { } last && last.AddDays(1) < asOf ? last.AddDays(1) : asOf;
        var from = until.AddDays(-windowDays);
        var best = new List<double>(take + 1);
        foreach (var item in _items)
        {
            if (item.Day < from || item.Day >= until || (exclude != 0 && item.Paper == exclude))
            {
                continue;
            }

            // Four decimals: ample for a cosine, and the same on machines whose float arithmetic differs in the last bits.
            var similarity = Math.Round(item.Dot(vector), 4);
            var at = best.BinarySearch(similarity, Comparer<double>.Create((a, b) => b.CompareTo(a)));
            best.Insert(at < 0 ? ~at : at, similarity);
            if (best.Count > take)
            {
                best.RemoveAt(take);
            }
        }

        return best;
    }

    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(Dimensions);
        writer.Write(_items.Length);
        foreach (var item in _items)
        {
            writer.Write(item.Day.DayNumber - Epoch.DayNumber);
            writer.Write(item.Paper);
            writer.Write(item.Scale);
            foreach (var v in item.Values)
            {
                writer.Write(v);
            }
        }
    }

    public static TitleMemory Read(Stream stream, string source)
    {
        using var reader = new BinaryReader(stream, Encoding.ASCII, leaveOpen: true);
        if (Encoding.ASCII.GetString(reader.ReadBytes(4)) != Magic)
        {
            throw new InvalidDataException($"{source}: not a title memory (no {Magic} header)");
        }

        var dimensions = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (dimensions is < 0 or > 4096 || count < 0 || (long)count * (dimensions + 12) > stream.Length)
        {
            throw new InvalidDataException($"{source}: {count} vectors of {dimensions} dimensions do not fit its {stream.Length} bytes");
        }

        var items = new List<Item>(count);
        for (var i = 0; i < count; i++)
        {
            var day = Epoch.AddDays(reader.ReadInt32());
            var paper = reader.ReadUInt32();
            var scale = reader.ReadSingle();
            var values = new sbyte[dimensions];
            for (var j = 0; j < dimensions; j++)
            {
                values[j] = reader.ReadSByte();
            }

            items.Add(new Item(day, paper, scale, values));
        }

        return new TitleMemory(dimensions, items);
    }

    private static Item Quantize(DateOnly day, uint paper, float[] vector)
    {
        var max = vector.Length == 0 ? 0 : vector.Max(Math.Abs);
        var scale = max > 0 ? max / 127f : 1f;
        return new Item(day, paper, scale, [.. vector.Select(v => (sbyte)Math.Clamp(MathF.Round(v / scale), -127, 127))]);
    }

    private sealed record Item(DateOnly Day, uint Paper, float Scale, sbyte[] Values)
    {
        public string Key => Paper != 0 ? $"#{Paper:x8}" : $"{Day.DayNumber}:{Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Values.AsSpan()))}";

        public double Dot(ReadOnlySpan<float> vector)
        {
            double sum = 0;
            for (var i = 0; i < Values.Length; i++)
            {
                sum += Values[i] * vector[i];
            }

            return sum * Scale;
        }
    }
}
