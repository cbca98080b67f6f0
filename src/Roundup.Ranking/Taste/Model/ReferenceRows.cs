using System.Globalization;

namespace Roundup.Ranking.Taste.Model;

/// <summary>
/// A sample of the signal values a model was trained on (every pick and every fourth other paper, no text and no ids):
/// what a taste built on top of it is shown, judged by it, so that it keeps the model's judgement across the kinds of
/// papers the new curator's own listings may not contain.
/// </summary>
public sealed class ReferenceRows(IReadOnlyList<string> signals, IReadOnlyList<float[]> rows)
{
    public const int Most = 2_000;

    public IReadOnlyList<string> Signals { get; } = signals;

    public IReadOnlyList<float[]> Rows { get; } = rows;

    /// <summary>Picks first-class: all of them, then every fourth of the rest, at most <see cref="Most"/>, in training order.</summary>
    public static ReferenceRows Sample(IReadOnlyList<string> signals, IReadOnlyList<float[]> values, IReadOnlyList<bool> picked) =>
        new(signals, [.. values.Where((_, i) => picked[i] || i % 4 == 0).Take(Most).Select(v => v.Select(x => MathF.Round(x, 4)).ToArray())]);

    /// <summary>A row's values for <paramref name="wanted"/> signals; a signal the sample lacks reads as null.</summary>
    public IEnumerable<float?[]> For(IReadOnlyList<string> wanted)
    {
        var index = wanted.Select(w => Signals.ToList().IndexOf(w)).ToArray();
        return Rows.Select(r => index.Select(i => i < 0 ? (float?)null : r[i]).ToArray());
    }

    /// <summary>A header line of signal names, then one line of values a row, tab-separated.</summary>
    public void Write(TextWriter writer)
    {
        writer.Write(string.Join('\t', Signals) + "\n");
        foreach (var row in Rows)
        {
            writer.Write(string.Join('\t', row.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "\n");
        }
    }

    public static ReferenceRows Read(TextReader reader, string source)
    {
        var signals = (reader.ReadLine() ?? "").Split('\t', StringSplitOptions.RemoveEmptyEntries);
        var rows = new List<float[]>();
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var cells = line.Split('\t');
            if (cells.Length != signals.Length || !cells.All(c => float.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                throw new InvalidDataException($"{source}:{number}: expected {signals.Length} numbers");
            }

            rows.Add([.. cells.Select(c => float.Parse(c, NumberStyles.Float, CultureInfo.InvariantCulture))]);
        }

        return new ReferenceRows(signals, rows);
    }
}
