using System.Globalization;
using Roundup.Issues;
using Roundup.Writing.Writers;

namespace Roundup.Writing.Pipeline;

/// <summary>
/// The issue's totals over its entries: the grounding rate ("142 of 145 claims found in the papers"), fallbacks,
/// and tokens, time and estimated cost. Thread-safe, so entries may be written in parallel.
/// </summary>
public sealed class WritingTally
{
    private readonly Lock _lock = new();
    private int _found;
    private int _checked;
    private int _entries;
    private int _fellBack;
    private int _cached;
    private WriterUsage _usage = WriterUsage.None;

    public void Add(GroundedEntry entry)
    {
        var usage = entry.Entry.Usage;
        lock (_lock)
        {
            _found += entry.Found;
            _checked += entry.Checked;
            _entries++;
            _fellBack += entry.FellBack ? 1 : 0;
            _cached += usage.Cached ? 1 : 0;
            _usage = new WriterUsage(
                _usage.InputTokens + usage.InputTokens,
                _usage.OutputTokens + usage.OutputTokens,
                _usage.Latency + usage.Latency,
                _usage.Cost + usage.Cost,
                false);
        }
    }

    public GroundingSummary Grounding
    {
        get
        {
            lock (_lock)
            {
                return new GroundingSummary(_found, _checked);
            }
        }
    }

    public WriterUsage Usage
    {
        get
        {
            lock (_lock)
            {
                return _usage;
            }
        }
    }

    /// <summary>The entry's usage as the issue stores it.</summary>
    public static EntryUsage ToEntryUsage(WriterUsage usage) =>
        new(usage.InputTokens, usage.OutputTokens, usage.Latency.TotalSeconds, usage.Cost, usage.Cached);

    public override string ToString()
    {
        lock (_lock)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{_entries} entries ({_fellBack} by the fallback writer, {_cached} from the cache); {new GroundingSummary(_found, _checked)}; {_usage.InputTokens} input + {_usage.OutputTokens} output tokens, {_usage.Latency.TotalSeconds:0.0} s, estimated ${_usage.Cost:0.0000}");
        }
    }
}
