using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Arxiv.Api;

/// <summary>One parsed API answer: the papers, the error entries and bad entries as problems, and the OpenSearch counts.</summary>
public sealed record ArxivAtomPage(
    IReadOnlyList<Paper> Papers,
    IReadOnlyList<HarvestProblem> Problems,
    int? TotalResults,
    int? StartIndex,
    int? ItemsPerPage);
