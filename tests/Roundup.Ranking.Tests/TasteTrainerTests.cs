using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Ranking.Taste;
using Roundup.Testing;

namespace Roundup.Ranking.Tests;

public sealed class TasteTrainerTests
{
    private static readonly DateTimeOffset TrainedAt = new(2025, 6, 14, 12, 0, 0, TimeSpan.Zero);
    private readonly HashingEmbedder _embedder = new();

    [Fact]
    public void Ranks_held_out_picks_above_the_rest()
    {
        var model = Train(Synthetic.Examples(600, seed: 1));
        var test = Synthetic.Examples(300, seed: 2, firstId: 1000);

        var scores = test.Select(e => (Score(model, e.Paper).Probability, e.Picked)).ToList();

        var auc = Synthetic.Auc(scores);
        Assert.True(auc > 0.9, $"AUC {auc:0.000}");
        Assert.All(scores, s => Assert.InRange(s.Probability, 0, 1));
    }

    [Fact]
    public void A_recurring_author_is_learned_and_explained()
    {
        var model = Train(Synthetic.Examples(600, seed: 1));
        var paper = new Paper { Id = ArxivId.Parse("2506.99999"), Title = "Revisiting tabular data with point clouds", Authors = ["Someone New", "Ada Recurring", "Someone Else"] };
        var stranger = paper with { Authors = ["Someone New", "Another One", "Someone Else"] };

        var (withAuthor, contributions) = Score(model, paper);
        var (without, _) = Score(model, stranger);

        Assert.True(withAuthor > without + 0.2, $"{withAuthor:0.00} vs {without:0.00}");
        Assert.Contains(contributions, c => c.Value > 0 && c.Label.StartsWith("authors picked before: 'Ada Recurring' ×", StringComparison.Ordinal));
        Assert.Equal(contributions.OrderByDescending(c => Math.Abs(c.Value)).ToList(), contributions);
    }

    [Fact]
    public void The_title_embedding_is_one_contribution()
    {
        var model = Train(Synthetic.Examples(600, seed: 1));
        var paper = new Paper { Id = ArxivId.Parse("2506.99998"), Title = "Scaling diffusion models for protein folding", Authors = ["Someone New"] };

        var (_, contributions) = Score(model, paper);

        Assert.Single(contributions, c => c.Label.StartsWith("title ", StringComparison.Ordinal));
        Assert.Contains(contributions, c => c is { Label: "title close to past picks", Value: > 0 });
    }

    [Fact]
    public void Save_then_load_gives_identical_scores_and_metadata()
    {
        var train = Synthetic.Examples(400, seed: 5);
        var model = Train(train);
        using var temp = new TempDirectory();

        model.Save(temp.File("taste"));
        var loaded = TasteModel.Load(temp.File("taste"));

        Assert.Equal(model.ModelHash, loaded.ModelHash);
        Assert.Equal(TrainedAt, loaded.Metadata.TrainedAt);
        Assert.Equal(400, loaded.Metadata.Examples);
        Assert.Equal(train.Count(e => e.Picked), loaded.Metadata.Positives);
        Assert.Equal(train.Min(e => e.Date), loaded.Metadata.FirstDate);
        Assert.Equal(train.Max(e => e.Date), loaded.Metadata.LastDate);
        Assert.Equal(TasteFeatures.Names(384), loaded.Metadata.FeatureNames);
        Assert.True(loaded.Metadata.AuthorCounts.ContainsKey("ADA RECURRING"));
        foreach (var e in Synthetic.Examples(50, seed: 6, firstId: 2000))
        {
            var a = Score(model, e.Paper);
            var b = Score(loaded, e.Paper);
            Assert.Equal(a.Probability, b.Probability);
            Assert.Equal(a.TopContributions, b.TopContributions);
        }
    }

    [Fact]
    public void The_model_id_is_stable_and_changes_with_the_training_data()
    {
        var train = Synthetic.Examples(300, seed: 7);
        var flipped = train.Select((e, i) => i == 3 ? e with { Picked = !e.Picked } : e).ToList();

        var a = Train(train);
        var b = Train(train);
        var c = Train(flipped);

        Assert.Equal(a.ModelHash, b.ModelHash);
        Assert.NotEqual(a.ModelHash, c.ModelHash);
        Assert.Matches("^[0-9a-f]{64}$", a.ModelHash);
    }

    [Fact]
    public void A_followed_author_counts_when_the_model_learned_it()
    {
        var train = Synthetic.Examples(600, seed: 1);
        var model = Train(train, new TasteTrainingOptions { TrainedAt = TrainedAt, FollowedAuthors = ["Ada Recurring"] });
        var paper = new Paper { Id = ArxivId.Parse("2506.99997"), Title = "Rethinking anomaly detection", Authors = ["ada  recurring"] };

        var (_, contributions) = model.Score(paper, _embedder.Embed([paper.Title])[0], new CuratorProfile { FollowedAuthors = ["Ada Recurring"] });

        Assert.Contains(contributions, c => c.Label == "followed author: 'ada  recurring'" && c.Value > 0);
    }

    [Fact]
    public async Task The_scorer_names_the_model_and_scores_every_paper_in_the_batch()
    {
        var model = Train(Synthetic.Examples(300, seed: 8));
        var scorer = new TasteScorer(model, _embedder);
        var batch = Synthetic.Examples(20, seed: 9, firstId: 3000).Select(e => e.Paper).ToList();

        var results = await scorer.ScoreAsync(batch, new CuratorProfile(), TestContext.Current.CancellationToken);

        Assert.Equal("taste:" + model.ModelHash[..12], scorer.Id);
        Assert.Equal(Selection.Evidence.Title, scorer.Reads);
        Assert.Equal(batch.Select(p => p.Id), results.Select(r => r.Paper));
        Assert.All(results, r => Assert.InRange(r.Score!.Value, 0, 1));
        Assert.All(results, r => Assert.NotEmpty(r.Contributions));
    }

    [Fact]
    public void The_scorer_refuses_an_embedder_the_model_was_not_trained_with()
    {
        var model = Train(Synthetic.Examples(300, seed: 8));

        Assert.Throws<ArgumentException>(() => new TasteScorer(model, new HashingEmbedder(dimensions: 128)));
    }

    private TasteModel Train(IReadOnlyList<Curation.TrainingExample> examples, TasteTrainingOptions? options = null) =>
        TasteTrainer.Train(examples, titles => _embedder.Embed(titles), options ?? new TasteTrainingOptions { TrainedAt = TrainedAt });

    private (double Probability, IReadOnlyList<Selection.Contribution> TopContributions) Score(TasteModel model, Paper paper) =>
        model.Score(paper, _embedder.Embed([paper.Title])[0], new CuratorProfile());
}
