namespace Roundup.Harvesting;

/// <summary>
/// One unit of reading: an OAI-PMH or API response, a feed, or a block of file lines. Stored all or nothing.
/// </summary>
/// <param name="Papers">The good records.</param>
/// <param name="Problems">The bad records, skipped, each with where it was and what was wrong.</param>
/// <param name="NextPosition">Where to resume after this page; null when this was the last page.</param>
/// <param name="Location">The URL, file or line range this page came from, for messages.</param>
public sealed record HarvestPage(
    IReadOnlyList<HarvestedPaper> Papers,
    IReadOnlyList<HarvestProblem> Problems,
    string? NextPosition,
    string Location);
