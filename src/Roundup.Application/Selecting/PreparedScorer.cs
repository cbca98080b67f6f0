using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Selection;

namespace Roundup.Application.Selecting;

/// <summary>
/// A scorer whose batch is prepared first, all together (the workers read the batch's full texts at once), and then
/// scored by <paramref name="inner"/> as it would be; its id, evidence and usage are the inner scorer's.
/// </summary>
public sealed class PreparedScorer(IPaperScorer inner, Func<IReadOnlyList<Paper>, CancellationToken, Task> prepare) : IMeteredScorer
{
    public string Id => inner.Id;

    public Evidence Reads => inner.Reads;

    public async Task<IReadOnlyList<ScoreResult>> ScoreAsync(IReadOnlyList<Paper> batch, CuratorProfile profile, CancellationToken cancellationToken = default)
    {
        await prepare(batch, cancellationToken);
        return await inner.ScoreAsync(batch, profile, cancellationToken);
    }

    public ScorerUsage TakeUsage() => inner is IMeteredScorer metered ? metered.TakeUsage() : ScorerUsage.None;
}
