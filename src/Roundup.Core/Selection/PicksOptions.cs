namespace Roundup.Selection;

/// <summary>
/// The last cut: how many papers the issue features, and how much diversity counts against relevance (maximal
/// marginal relevance: 1 = relevance only). Two finalists closer than <see cref="NearDuplicate"/> are never both picked.
/// </summary>
public sealed record PicksOptions
{
    public int Count { get; init; } = 15;

    public double Relevance { get; init; } = 0.75;

    public double NearDuplicate { get; init; } = 0.9;
}
