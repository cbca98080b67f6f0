using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Selection;

namespace Roundup.Ranking.Taste;

/// <summary>The learned taste as a funnel scorer: embeds the batch's titles, then scores each paper with the model.</summary>
public sealed class TasteScorer : IPaperScorer
{
    private readonly TasteModel _model;
    private readonly IEmbedder _embedder;

    public TasteScorer(TasteModel model, IEmbedder embedder)
    {
        if (embedder.Model != model.Metadata.EmbeddingModel || embedder.Dimensions != model.Metadata.EmbeddingDimensions)
        {
            throw new ArgumentException($"the model was trained on {model.Metadata.EmbeddingModel} ({model.Metadata.EmbeddingDimensions} dimensions), not {embedder.Model} ({embedder.Dimensions})", nameof(embedder));
        }

        _model = model;
        _embedder = embedder;
        Id = "taste:" + model.ModelHash[..12];
    }

    public string Id { get; }

    public Evidence Reads => Evidence.Title;

    public Task<IReadOnlyList<ScoreResult>> ScoreAsync(IReadOnlyList<Paper> batch, CuratorProfile profile, CancellationToken cancellationToken = default)
    {
        var embeddings = _embedder.Embed([.. batch.Select(p => p.Title)], cancellationToken);
        IReadOnlyList<ScoreResult> results = [.. batch.Select((paper, i) =>
        {
            var (probability, contributions) = _model.Score(paper, embeddings[i], profile);
            return new ScoreResult(paper.Id, probability, contributions);
        })];
        return Task.FromResult(results);
    }
}
