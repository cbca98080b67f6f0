using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Selection;

namespace Roundup.Core.Tests.Selection;

/// <summary>Scores from a table (by id); counts how many papers it was asked about.</summary>
internal sealed class FakeScorer(string id, Func<Paper, double?> score, Evidence reads = Evidence.Title) : IPaperScorer
{
    public string Id => id;

    public Evidence Reads => reads;

    public int Asked { get; private set; }

    public Task<IReadOnlyList<ScoreResult>> ScoreAsync(IReadOnlyList<Paper> batch, CuratorProfile profile, CancellationToken cancellationToken = default)
    {
        Asked += batch.Count;
        return Task.FromResult<IReadOnlyList<ScoreResult>>(batch.Select(p => score(p) is { } s
            ? new ScoreResult(p.Id, s, [new Contribution(s, $"{id} says {s}")])
            : ScoreResult.Failed(p.Id, $"{id} cannot score {p.Id}")).ToList());
    }
}
