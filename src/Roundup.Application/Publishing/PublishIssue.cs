using Roundup.Application.Hosting;
using Roundup.Application.Issues;
using Roundup.Calendar;
using Roundup.Issues;

namespace Roundup.Application.Publishing;

/// <summary>An approved issue goes into the web archive and the feeds (Publish:ArchiveDir), rebuilt from every published issue.</summary>
public sealed class PublishIssue(RoundupHost host)
{
    public async Task<(Issue Issue, IReadOnlyList<string> Files)> RunAsync(IssueWeek week, CancellationToken ct)
    {
        var versions = new IssueVersions(host);
        var issue = await versions.LoadAsync(week, ct);
        if (issue.Status == IssueStatus.Draft)
        {
            throw new UsageException($"{issue.Week} is a Draft: approve it first (roundup approve --week {issue.Week})");
        }

        if (issue.Status == IssueStatus.Approved)
        {
            issue = await versions.SaveAsync(issue, issue with { Status = IssueStatus.Published, Published = host.Time.GetUtcNow() }, ct);
        }

        return (issue, await IssueFiles.RebuildArchiveAsync(host, ct));
    }
}
