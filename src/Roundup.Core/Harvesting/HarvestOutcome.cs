namespace Roundup.Harvesting;

/// <summary>What a harvest did, per source, and the completeness of the window afterwards.</summary>
public sealed record HarvestOutcome(IReadOnlyList<HarvestResult> Results, CompletenessReport Report);
