using Roundup.Application.Hosting;
using Roundup.Calendar;
using Roundup.Issues;

namespace Roundup.Application.Issues;

/// <summary>A week's issue as stored, and every change saved as its next version.</summary>
public sealed class IssueVersions(RoundupHost host)
{
    public async Task<Issue> LoadAsync(IssueWeek week, CancellationToken ct) =>
        await (await host.StoreAsync(ct)).Issues.GetAsync(week, ct)
        ?? throw new UsageException($"there is no issue for {week} yet: run `roundup write --week {week}` first");

    /// <summary>Saves <paramref name="changed"/> as the next version of <paramref name="current"/>.</summary>
    public async Task<Issue> SaveAsync(Issue current, Issue changed, CancellationToken ct)
    {
        var next = changed with { Version = current.Version + 1 };
        await (await host.StoreAsync(ct)).Issues.SaveAsync(next, ct);
        return next;
    }
}
