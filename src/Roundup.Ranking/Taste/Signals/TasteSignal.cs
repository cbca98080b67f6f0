using Roundup.Papers;

namespace Roundup.Ranking.Taste.Signals;

/// <summary>
/// One named input of the taste model: its family, the least a stage must read for it, the facet it is explained
/// under (several signals can make one facet: the authors' record is six), and how it is read. A cue also says what
/// it matched, for the explanation.
/// </summary>
public sealed record TasteSignal(string Name, SignalGroup Group, TasteLevel Level, string Facet, Func<PaperReading, float> Read)
{
    public Func<Paper, string?>? Match { get; init; }
}
