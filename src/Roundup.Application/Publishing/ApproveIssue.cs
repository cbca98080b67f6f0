using Roundup.Application.Hosting;
using Roundup.Application.Issues;
using Roundup.Calendar;
using Roundup.Issues;

namespace Roundup.Application.Publishing;

/// <summary>The curator's go-ahead: a Draft becomes Approved. Nothing is published or sent before it.</summary>
public sealed class ApproveIssue(RoundupHost host)
{
    /// <summary>The approved issue, and whether this call approved it (false: it was already approved or published).</summary>
    public async Task<(Issue Issue, bool Changed)> RunAsync(IssueWeek week, CancellationToken ct)
    {
        var versions = new IssueVersions(host);
        var issue = await versions.LoadAsync(week, ct);
        if (issue.Status != IssueStatus.Draft)
        {
            return (issue, false);
        }

        return (await versions.SaveAsync(issue, issue with { Status = IssueStatus.Approved, Approved = host.Time.GetUtcNow() }, ct), true);
    }
}
