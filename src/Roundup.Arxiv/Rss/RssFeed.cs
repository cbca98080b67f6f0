using Roundup.Harvesting;

namespace Roundup.Arxiv.Rss;

/// <summary>
/// One parsed daily feed. <paramref name="ListingDate"/> is the channel's announcement date (Eastern), null when the
/// feed does not say; an empty feed (weekend, holiday) has no items and no problems.
/// </summary>
public sealed record RssFeed(IReadOnlyList<HarvestedPaper> Items, IReadOnlyList<HarvestProblem> Problems, DateOnly? ListingDate);
