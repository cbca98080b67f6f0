using Roundup.Papers;

namespace Roundup.Harvesting;

/// <summary>That a source saw a paper in a listing: the raw material of the completeness report.</summary>
public sealed record Sighting(string Source, DateOnly ListingDate, ArxivId PaperId, AnnounceType Type, IReadOnlyList<string> Categories);
