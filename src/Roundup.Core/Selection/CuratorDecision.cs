using Roundup.Papers;

namespace Roundup.Selection;

public enum DecisionKind
{
    Pin,
    Drop,
}

/// <summary>A curator's pin (always advances, always picked) or drop (never advances) of a paper in a week.</summary>
public sealed record CuratorDecision(ArxivId Paper, DecisionKind Kind, string? Note = null);
