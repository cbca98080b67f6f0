using Roundup.Calendar;
using Roundup.Issues;

namespace Roundup.Writing.Issues;

/// <summary>
/// Everything an issue is written from: the week's picks, the funnel's counts, the issues already written (for
/// "related to earlier coverage"), and the week's previous draft, whose curator edits carry over.
/// </summary>
public sealed record IssueRequest
{
    public required IssueWeek Week { get; init; }

    public required IReadOnlyList<PickToWrite> Picks { get; init; }

    public IReadOnlyList<FunnelCount> Funnel { get; init; } = [];

    public IReadOnlyList<Issue> EarlierIssues { get; init; } = [];

    public Issue? Previous { get; init; }
}
