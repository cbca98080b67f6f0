using System.Globalization;
using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Ranking.Taste.Model;
using Roundup.Ranking.Taste.Signals;
using Roundup.Selection;

namespace Roundup.Ranking.Taste;

/// <summary>
/// The learned taste as a funnel scorer. The title stage reads the listing line; later stages add the abstract.
/// Its contributions are in score points and add up to the score: an average paper's score, then the facets that
/// moved this one most, then the rest together. A paper lifted mostly by its authors' record says so.
/// </summary>
public sealed class TasteScorer : IPaperScorer
{
    private const int FacetsShown = 5;
    private readonly TasteModel _model;
    private readonly IEmbedder _embedder;
    private readonly TasteLevel _level;
    private readonly bool _reputation;

    public TasteScorer(TasteModel model, IEmbedder embedder, Evidence reads, bool reputation = true)
    {
        if (embedder.Model != model.Info.EmbeddingModel || (model.History.Titles.Count > 0 && embedder.Dimensions != model.History.Titles.Dimensions))
        {
            throw new ArgumentException($"the taste model was trained with {model.Info.EmbeddingModel} ({model.History.Titles.Dimensions} dimensions), not {embedder.Model} ({embedder.Dimensions})", nameof(embedder));
        }

        _model = model;
        _embedder = embedder;
        _level = reads == Evidence.Title ? TasteLevel.Title : TasteLevel.Abstract;
        _reputation = reputation;
        _ = model.CombinerFor(_level, reputation);
        Reads = reads;
        Id = $"taste:{model.Hash[..12]}:{TasteModel.CombinerKey(_level, reputation)}";
    }

    public string Id { get; }

    public Evidence Reads { get; }

    public Task<IReadOnlyList<ScoreResult>> ScoreAsync(IReadOnlyList<Paper> batch, CuratorProfile profile, CancellationToken cancellationToken = default)
    {
        var vectors = _embedder.Embed([.. batch.Select(p => p.Title)], cancellationToken);
        IReadOnlyList<ScoreResult> results = [.. batch.Select((paper, i) =>
        {
            var judgement = _model.Judge(paper, vectors[i], _level, _reputation, profile.FollowedAuthors);
            return new ScoreResult(paper.Id, judgement.Probability, Contributions(judgement));
        })];
        return Task.FromResult(results);
    }

    public static IReadOnlyList<Contribution> Contributions(TasteJudgement judgement)
    {
        var ranked = judgement.Facets.OrderByDescending(f => Math.Abs(f.Value)).ThenBy(f => f.Label, StringComparer.Ordinal).ToList();
        var shown = ranked.Take(FacetsShown).ToList();
        var contributions = new List<Contribution> { new(judgement.Baseline, "taste of an average paper") };
        contributions.AddRange(shown);
        if (ranked.Count > FacetsShown)
        {
            contributions.Add(new Contribution(ranked.Skip(FacetsShown).Sum(f => f.Value), $"{ranked.Count - FacetsShown} other signals"));
        }

        if (judgement.ReputationShare > 0.5 && judgement.Probability > judgement.Baseline)
        {
            contributions.Add(new Contribution(0, string.Create(CultureInfo.InvariantCulture, $"carried mainly by its authors' record ({judgement.ReputationShare:P0} of what lifts it)")));
        }

        return contributions;
    }
}
