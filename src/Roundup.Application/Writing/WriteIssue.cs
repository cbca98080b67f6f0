using Microsoft.Extensions.Logging;
using Roundup.Application.Hosting;
using Roundup.Application.Reading;
using Roundup.Application.Weeks;
using Roundup.Issues;
using Roundup.Selection;
using Roundup.Writing.Issues;

namespace Roundup.Application.Writing;

/// <summary>
/// Writes a week's picks into a Draft issue — grounded summaries and commentary, sections by theme — and saves it
/// as a new version. The curator's edits carry over; an approved issue is only rewritten when forced.
/// </summary>
public sealed class WriteIssue(RoundupHost host)
{
    public async Task<Issue> RunAsync(Window window, FunnelResult selection, bool force, CancellationToken ct)
    {
        var week = window.Week ?? throw new UsageException("an issue is written for a week: give --week (e.g. 2025-W26), not --from/--until");
        var store = await host.StoreAsync(ct);
        var previous = await store.Issues.GetAsync(week, ct);
        if (previous is { Status: not IssueStatus.Draft } && !force)
        {
            throw new UsageException($"issue {week} is {previous.Status}: rewriting it would withdraw that; add --force to rewrite it as a Draft");
        }

        var logger = host.Logs.CreateLogger("Roundup.Writing");
        var request = new IssueRequest
        {
            Week = week,
            Picks = await new GatherFullText(host).RunAsync(selection, ct),
            Funnel = FunnelCounts.Of(selection, host.Options.Selection.EffectiveStages, host.Profile.Picks),
            EarlierIssues = (await store.Issues.ListAsync(ct)).Where(i => i.Week.CompareTo(week) < 0).ToList(),
            Previous = previous,
        };
        var composer = new IssueComposer(WriterFactory.Create(host, host.Profile), await host.EmbedderAsync(ct), host.Time, logger)
        {
            WriteEntries = host.Work is { } work ? (papers, token) => work.WriteEntriesAsync(host.Profile, papers, token) : null,
        };
        var (issue, tally) = await composer.ComposeAsync(request, ct);
        await store.Issues.SaveAsync(issue, ct);
        logger.LogInformation("issue {Week} version {Version} saved as a Draft: {Tally}", week, issue.Version, tally);
        return issue;
    }
}
