using Roundup.Application.Harvesting;
using Roundup.Application.Hosting;
using Roundup.Application.Publishing;
using Roundup.Application.Selecting;
using Roundup.Application.Weeks;
using Roundup.Application.Writing;
using Roundup.Issues;

namespace Roundup.Application.Weekly;

/// <summary>
/// The weekly job: harvest the window, report completeness, select the picks (reading the shortlist's full texts),
/// write the Draft issue and leave a preview in Publish:PreviewDir. A strict run stops after an incomplete harvest.
/// A date range (not a week) is selected but not written.
/// </summary>
public sealed class RunWeek(RoundupHost host)
{
    public async Task<WeeklyRun> RunAsync(Window window, IReadOnlyList<string>? sources, bool strict, CancellationToken ct)
    {
        var harvest = await new HarvestWeek(host).RunAsync(window, sources, ct);
        if ((strict || host.Options.Harvest.Strict) && !harvest.IsComplete)
        {
            return new WeeklyRun(harvest, null, null, []);
        }

        var selection = await new SelectWeek(host).RunAsync(window, ct);
        var issue = window.Week is null ? null : await new WriteIssue(host).RunAsync(window, selection.Result, force: false, ct);
        var preview = issue is null ? [] : IssueFiles.WritePreview(issue, host.Options.Publish.Site(), host.Options.Publish.PreviewDir);
        return new WeeklyRun(harvest, selection, issue, preview);
    }
}

/// <summary>What the weekly job did: the harvest, and unless it stopped there, the selection, the Draft and its preview files.</summary>
public sealed record WeeklyRun(WeekHarvest Harvest, WeekSelection? Selection, Issue? Issue, IReadOnlyList<string> Preview)
{
    public bool StoppedIncomplete => Selection is null;
}
