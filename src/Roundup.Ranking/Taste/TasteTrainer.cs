using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Roundup.Curation;
using Roundup.Ranking.Learning;

namespace Roundup.Ranking.Taste;

/// <summary>Fits a <see cref="TasteModel"/> on what a curator saw and picked.</summary>
public static class TasteTrainer
{
    public static TasteModel Train(IReadOnlyList<TrainingExample> examples, Func<IReadOnlyList<string>, float[][]> embedTitles, TasteTrainingOptions? options = null)
    {
        options ??= new TasteTrainingOptions();
        var positives = examples.Count(e => e.Picked);
        if (positives == 0 || positives == examples.Count)
        {
            throw new ArgumentException("training needs both picked and unpicked papers", nameof(examples));
        }

        var embeddings = embedTitles([.. examples.Select(e => e.Paper.Title)]);
        if (embeddings.Length != examples.Count)
        {
            throw new InvalidOperationException($"{embeddings.Length} embeddings for {examples.Count} titles");
        }

        var dimensions = embeddings[0].Length;
        var prior = AuthorPrior.FromPicks(examples.Where(e => e.Picked).Select(e => e.Paper.Authors));
        var raw = examples
            .Select((e, i) => TasteFeatures.Build(e.Paper, embeddings[i], prior, options.FollowedAuthors, e.Picked ? 1 : 0))
            .ToList();
        var (means, scales) = Moments(raw);
        var (positive, negative) = options.BalanceClasses ? Rows.BalancedWeights(positives, examples.Count) : (1f, 1f);
        var rows = raw.Select((x, i) => new LabelledRow
        {
            Label = examples[i].Picked,
            Weight = examples[i].Picked ? positive : negative,
            Features = new VBuffer<float>(x.Length, [.. x.Select((v, j) => (v - means[j]) / scales[j])]),
        }).ToList();

        var ml = new MLContext(options.Seed);
        var data = Rows.Load(ml, rows, raw[0].Length);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(LabelledRow.Label),
            FeatureColumnName = nameof(LabelledRow.Features),
            ExampleWeightColumnName = nameof(LabelledRow.Weight),
            L2Regularization = options.L2Regularization,
            L1Regularization = 0,
            MaximumNumberOfIterations = options.MaximumIterations,
            NumberOfThreads = 1,
        });
        var fitted = trainer.Fit(data);
        using var stream = new MemoryStream();
        ml.Model.Save(fitted, data.Schema, stream);
        var bytes = stream.ToArray();

        var featureNames = TasteFeatures.Names(dimensions);
        var metadata = new TasteModelMetadata
        {
            ModelHash = "",
            TrainedAt = options.TrainedAt,
            Examples = examples.Count,
            Positives = positives,
            FirstDate = examples.Min(e => e.Date),
            LastDate = examples.Max(e => e.Date),
            EmbeddingModel = options.EmbeddingModel,
            EmbeddingDimensions = dimensions,
            FeatureNames = featureNames,
            Means = means,
            Scales = scales,
            AuthorCounts = new SortedDictionary<string, int>(prior.Counts.ToDictionary(), StringComparer.Ordinal),
            FollowedAuthors = options.FollowedAuthors,
            L2Regularization = options.L2Regularization,
            Seed = options.Seed,
        };
        var linear = LinearModel.From(fitted);
        return new TasteModel(bytes, metadata with { ModelHash = TasteModelHash.Compute(examples, metadata, linear) });
    }

    private static (float[] Means, float[] Scales) Moments(List<float[]> rows)
    {
        var width = rows[0].Length;
        var means = new float[width];
        var scales = new float[width];
        for (var j = 0; j < width; j++)
        {
            var mean = rows.Average(r => (double)r[j]);
            var variance = rows.Average(r => (r[j] - mean) * (r[j] - mean));
            means[j] = (float)mean;
            scales[j] = variance > 1e-12 ? (float)Math.Sqrt(variance) : 1f;
        }

        return (means, scales);
    }
}
