using Roundup.Papers;

namespace Roundup.Harvesting;

/// <summary>
/// A paper as one source saw it. <paramref name="ListingDate"/> is the listing it appeared in when the source says
/// (listing files, RSS) or the date expected from its submission time (OAI-PMH, API), null when unknown.
/// <paramref name="Location"/> is where the record was when the source can say more than its page (a file's line),
/// so a refusal found after parsing names it.
/// </summary>
public sealed record HarvestedPaper(Paper Paper, DateOnly? ListingDate, AnnounceType Type, string? Location = null);
