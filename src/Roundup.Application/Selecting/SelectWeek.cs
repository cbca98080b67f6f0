using Roundup.Application.Hosting;
using Roundup.Application.Weeks;
using Roundup.Selection;

namespace Roundup.Application.Selecting;

/// <summary>Runs the funnel over a window's stored papers (each stage reruns only when its inputs changed).</summary>
public sealed class SelectWeek(RoundupHost host)
{
    public async Task<WeekSelection> RunAsync(Window window, CancellationToken ct)
    {
        var profile = host.Profile;
        var store = await host.StoreAsync(ct);
        var papers = await store.Papers.GetPapersAnnouncedAsync(window.First, window.Last, ct);
        var funnel = await FunnelFactory.CreateAsync(host, ct);
        var scope = profile.Categories.Count > 0 ? profile.Categories : host.Options.Harvest.EffectiveCategories;
        var result = await funnel.RunAsync(window.Key, papers, profile, scope, ct);
        return new WeekSelection(window, result, await store.Selection.GetJudgementsAsync(window.Key, cancellationToken: ct));
    }
}

/// <summary>The funnel's result for a window and every judgement it stored, stage by stage.</summary>
public sealed record WeekSelection(Window Window, FunnelResult Result, IReadOnlyList<Judgement> Judgements);
