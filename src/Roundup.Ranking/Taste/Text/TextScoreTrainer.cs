using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Roundup.Curation;
using Roundup.Papers;
using Roundup.Ranking.Baseline;
using Roundup.Ranking.Learning;

namespace Roundup.Ranking.Taste.Text;

/// <summary>Fits a <see cref="TextScore"/> on papers featured before (positives) against listed papers nobody picked.</summary>
public static class TextScoreTrainer
{
    public static TextScore Train(TextScoreKind kind, IReadOnlyList<(Paper Paper, float[] Vector)> picked, IReadOnlyList<(Paper Paper, float[] Vector)> unpicked, int seed)
    {
        if (picked.Count == 0 || unpicked.Count == 0)
        {
            throw new ArgumentException($"a text score needs picked and unpicked papers ({picked.Count} and {unpicked.Count})");
        }

        if (kind == TextScoreKind.TfIdf)
        {
            var examples = picked.Select(p => new TrainingExample(p.Paper, default, true)).Concat(unpicked.Select(p => new TrainingExample(p.Paper, default, false))).ToList();
            return TextScore.ForTfIdf(TfIdfSvmRanker.Train(examples, new TfIdfSvmOptions { Seed = seed }));
        }

        var (positive, negative) = Rows.BalancedWeights(picked.Count, picked.Count + unpicked.Count);
        var rows = picked.Select(p => (p.Vector, true)).Concat(unpicked.Select(p => (p.Vector, false))).Select(x => new LabelledRow
        {
            Label = x.Item2,
            Weight = x.Item2 ? positive : negative,
            Features = new VBuffer<float>(x.Vector.Length, [.. x.Vector]),
        }).ToList();
        var ml = new MLContext(seed);
        var fitted = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(LabelledRow.Label),
            FeatureColumnName = nameof(LabelledRow.Features),
            ExampleWeightColumnName = nameof(LabelledRow.Weight),
            L2Regularization = 1f,
            NumberOfThreads = 1,
        }).Fit(Rows.Load(ml, rows, picked[0].Vector.Length));
        var linear = LinearModel.From(fitted);
        return TextScore.ForTitleEmbedding([.. linear.Weights.Select(w => (float)(-linear.Slope * w))], (float)((-linear.Slope * linear.Bias) - linear.Offset));
    }
}
