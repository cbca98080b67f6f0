using Roundup.Papers;

namespace Roundup.Curation;

/// <summary>A paper a human curator featured, on the listing date they saw it, and who featured it.</summary>
public sealed record CuratedPick(ArxivId Id, DateOnly ListingDate, IReadOnlyList<string> Sources);
