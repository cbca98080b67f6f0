using Roundup.Issues;

namespace Roundup.Publishing.Feeds;

/// <summary>Which issues the public sees, in which order: approved or published ones, newest week first.</summary>
internal static class FeedIssues
{
    /// <summary>
    /// Drafts are never shown. An approved issue is included: publishing it is what renders the feeds and the
    /// archive, before its status becomes Published.
    /// </summary>
    public static IReadOnlyList<Issue> Public(IReadOnlyList<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var shown = issues.Where(i => i.Status != IssueStatus.Draft).OrderByDescending(i => i.Week).ToList();
        var repeated = shown.GroupBy(i => i.Week).FirstOrDefault(g => g.Count() > 1);
        return repeated is null
            ? shown
            : throw new ArgumentException($"issues: week {repeated.Key} appears {repeated.Count()} times; pass each week's latest version once", nameof(issues));
    }

    /// <summary>The feed's own updated time: its newest entry's, or the Unix epoch for an empty feed (there is no clock here).</summary>
    public static DateTimeOffset Updated(IReadOnlyList<Issue> issues) =>
        issues.Count == 0 ? DateTimeOffset.UnixEpoch : issues.Max(i => i.Updated);
}
