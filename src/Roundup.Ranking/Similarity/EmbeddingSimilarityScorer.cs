using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Ranking.Embeddings;
using Roundup.Selection;

namespace Roundup.Ranking.Similarity;

/// <summary>
/// How close a paper's title (or title and abstract) sits to what the curator asks for: the best cosine over the
/// profile's criteria and favoured topics, blended with the best over the exemplar papers when given, less half of
/// any closeness to a disfavoured topic, squashed into [0, 1].
/// </summary>
public sealed class EmbeddingSimilarityScorer : IPaperScorer
{
    private const double ExemplarShare = 0.3;
    private const double DisfavouredPenalty = 0.5;

    // MiniLM cosines of related short texts run about 0.3 to 0.7 and unrelated ones near 0; the logistic maps 0.3 to
    // 0.5 and spreads that range over most of [0, 1].
    private const double Midpoint = 0.3;
    private const double Steepness = 8.0;

    private readonly IEmbedder _embedder;
    private readonly IReadOnlyList<Paper> _exemplars;
    private readonly Lock _gate = new();
    private (string Fingerprint, SimilarityTargets Targets)? _targets;

    public EmbeddingSimilarityScorer(IEmbedder embedder, Evidence reads, IReadOnlyList<Paper>? exemplars = null)
    {
        if (reads is not (Evidence.Title or Evidence.Abstract))
        {
            throw new ArgumentOutOfRangeException(nameof(reads), reads, "reads the title or the abstract");
        }

        _embedder = embedder;
        _exemplars = exemplars ?? [];
        Reads = reads;
        Id = reads == Evidence.Title ? "similarity-title-v1" : "similarity-abstract-v1";
    }

    public string Id { get; }

    public Evidence Reads { get; }

    public Task<IReadOnlyList<ScoreResult>> ScoreAsync(IReadOnlyList<Paper> batch, CuratorProfile profile, CancellationToken cancellationToken = default)
    {
        var targets = Targets(profile, cancellationToken);
        var vectors = _embedder.Embed([.. batch.Select(Text)], cancellationToken);
        IReadOnlyList<ScoreResult> results = [.. batch.Select((paper, i) => Score(paper, vectors[i], targets))];
        return Task.FromResult(results);
    }

    private static ScoreResult Score(Paper paper, float[] vector, SimilarityTargets targets)
    {
        if (targets.Wanted.Count == 0 && targets.Exemplars.Count == 0)
        {
            return ScoreResult.Failed(paper.Id, "the profile names no criteria, favoured topics or exemplars to compare with");
        }

        var contributions = new List<Contribution>();
        var raw = 0.0;
        var exemplarShare = targets.Exemplars.Count == 0 ? 0 : targets.Wanted.Count == 0 ? 1 : ExemplarShare;
        if (Closest(targets.Wanted, vector) is { } wanted)
        {
            var part = (1 - exemplarShare) * wanted.Similarity;
            raw += part;
            contributions.Add(new Contribution(part, $"close to '{wanted.Label}'"));
        }

        if (Closest(targets.Exemplars, vector) is { } exemplar)
        {
            var part = exemplarShare * exemplar.Similarity;
            raw += part;
            contributions.Add(new Contribution(part, $"close to exemplar '{exemplar.Label}'"));
        }

        if (Closest(targets.Unwanted, vector) is { Similarity: > 0 } unwanted)
        {
            var part = -DisfavouredPenalty * unwanted.Similarity;
            raw += part;
            contributions.Add(new Contribution(part, $"close to disfavoured '{unwanted.Label}'"));
        }

        var score = 1.0 / (1.0 + Math.Exp(-Steepness * (raw - Midpoint)));
        return new ScoreResult(paper.Id, score, [.. contributions.OrderByDescending(c => Math.Abs(c.Value))]);
    }

    private static (string Label, double Similarity)? Closest(IReadOnlyList<(string Label, float[] Vector)> targets, float[] vector) =>
        targets.Count == 0
            ? null
            : targets.Select(t => (t.Label, Similarity: Vectors.Dot(t.Vector, vector))).MaxBy(t => t.Similarity);

    private SimilarityTargets Targets(CuratorProfile profile, CancellationToken cancellationToken)
    {
        var fingerprint = profile.Fingerprint();
        lock (_gate)
        {
            if (_targets is { } cached && cached.Fingerprint == fingerprint)
            {
                return cached.Targets;
            }
        }

        string[] wanted = [.. profile.Criteria.Concat(profile.FavouredTopics).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal)];
        string[] unwanted = [.. profile.DisfavouredTopics.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal)];
        var vectors = _embedder.Embed([.. wanted, .. unwanted, .. _exemplars.Select(Text)], cancellationToken);
        var targets = new SimilarityTargets(
            [.. wanted.Select((t, i) => (t, vectors[i]))],
            [.. unwanted.Select((t, i) => (t, vectors[wanted.Length + i]))],
            [.. _exemplars.Select((p, i) => (p.Title, vectors[wanted.Length + unwanted.Length + i]))]);
        lock (_gate)
        {
            _targets = (fingerprint, targets);
        }

        return targets;
    }

    private string Text(Paper paper) => Reads == Evidence.Title ? paper.Title : paper.Title + ". " + paper.Abstract;
}
