using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Arxiv.OaiPmh;

/// <summary>
/// One parsed OAI-PMH answer: the good records, the bad ones as problems, the number of deleted records skipped,
/// and the resumption token (null on the last page).
/// </summary>
public sealed record OaiPmhResponse(
    IReadOnlyList<Paper> Papers,
    IReadOnlyList<HarvestProblem> Problems,
    string? ResumptionToken,
    int Deleted = 0)
{
    public static OaiPmhResponse Empty { get; } = new([], [], null);
}
