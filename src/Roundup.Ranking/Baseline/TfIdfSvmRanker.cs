using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Roundup.Curation;
using Roundup.Papers;
using Roundup.Ranking.Learning;
using Roundup.Ranking.Text;

namespace Roundup.Ranking.Baseline;

/// <summary>
/// The arxiv-sanity baseline: TF-IDF of title and abstract, a linear SVM trained on the curator's picks against
/// everything else they saw (classes weighted to the same total). The score is the SVM margin, for ranking only.
/// </summary>
public sealed class TfIdfSvmRanker
{
    private readonly TfIdfVectorizer _vectorizer;
    private readonly float[] _weights;
    private readonly float _bias;

    private TfIdfSvmRanker(TfIdfVectorizer vectorizer, float[] weights, float bias)
    {
        _vectorizer = vectorizer;
        _weights = weights;
        _bias = bias;
    }

    public int Features => _vectorizer.Dimensions;

    public TfIdfVectorizer Vectorizer => _vectorizer;

    public IReadOnlyList<float> Weights => _weights;

    public float Bias => _bias;

    public static TfIdfSvmRanker From(TfIdfVectorizer vectorizer, float[] weights, float bias) => new(vectorizer, weights, bias);

    public static TfIdfSvmRanker Train(IReadOnlyList<TrainingExample> examples, TfIdfSvmOptions? options = null)
    {
        options ??= new TfIdfSvmOptions();
        if (!examples.Any(e => e.Picked) || examples.All(e => e.Picked))
        {
            throw new ArgumentException("training needs both picked and unpicked papers", nameof(examples));
        }

        var texts = examples.Select(e => Text(e.Paper)).ToList();
        var vectorizer = TfIdfVectorizer.Fit(texts, options.TfIdf);
        var (positive, negative) = Rows.BalancedWeights(examples.Count(e => e.Picked), examples.Count);
        var rows = examples.Select((e, i) =>
        {
            var v = vectorizer.Transform(texts[i]);
            return new LabelledRow
            {
                Label = e.Picked,
                Weight = e.Picked ? positive : negative,
                Features = new VBuffer<float>(v.Length, v.Count, [.. v.Values], [.. v.Indices]),
            };
        });

        var ml = new MLContext(options.Seed);
        var data = Rows.Load(ml, rows, vectorizer.Dimensions);
        var trainer = ml.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
        {
            LabelColumnName = nameof(LabelledRow.Label),
            FeatureColumnName = nameof(LabelledRow.Features),
            ExampleWeightColumnName = nameof(LabelledRow.Weight),
            NumberOfIterations = options.Iterations,
            Lambda = options.Lambda,
        });
        var model = trainer.Fit(data).Model;
        return new TfIdfSvmRanker(vectorizer, [.. model.Weights], model.Bias);
    }

    /// <summary>The SVM margin: higher ranks first; not a probability.</summary>
    public double Score(Paper paper) => _vectorizer.Transform(Text(paper)).Dot(_weights) + _bias;

    private static string Text(Paper paper) => paper.Title + "\n" + paper.Abstract;
}
