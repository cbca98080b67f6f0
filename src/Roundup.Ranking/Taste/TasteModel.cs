using System.Text.Json;
using Microsoft.ML;
using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Ranking.Learning;
using Roundup.Selection;

namespace Roundup.Ranking.Taste;

/// <summary>
/// The curator's learned taste: a logistic regression over <see cref="TasteFeatures"/>, trained with classes
/// balanced, so its probability reads "how much this looks like a pick" on an even prior rather than the 4% base
/// rate. Saved as a folder: the ML.NET model (<c>model.zip</c>) and its metadata (<c>taste.json</c>).
/// </summary>
public sealed class TasteModel
{
    public const string ModelFile = "model.zip";
    public const string MetadataFile = "taste.json";
    private const int ContributionsShown = 4;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly byte[] _mlModel;
    private readonly LinearModel _linear;
    private readonly AuthorPrior _prior;

    internal TasteModel(byte[] mlModel, TasteModelMetadata metadata)
    {
        _mlModel = mlModel;
        Metadata = metadata;
        using var stream = new MemoryStream(mlModel, writable: false);
        _linear = LinearModel.From(new MLContext(metadata.Seed).Model.Load(stream, out _));
        _prior = new AuthorPrior(metadata.AuthorCounts);
        if (_linear.Weights.Length != metadata.FeatureNames.Count)
        {
            throw new InvalidDataException($"the model has {_linear.Weights.Length} weights for {metadata.FeatureNames.Count} features");
        }
    }

    public TasteModelMetadata Metadata { get; }

    /// <summary>The content hash (hex) that identifies this model.</summary>
    public string ModelHash => Metadata.ModelHash;

    public AuthorPrior Authors => _prior;

    public static TasteModel Load(string folder)
    {
        var metadata = JsonSerializer.Deserialize<TasteModelMetadata>(File.ReadAllText(Path.Combine(folder, MetadataFile)), Json)
            ?? throw new InvalidDataException($"{Path.Combine(folder, MetadataFile)} is empty");
        return new TasteModel(File.ReadAllBytes(Path.Combine(folder, ModelFile)), metadata);
    }

    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, ModelFile), _mlModel);
        File.WriteAllText(Path.Combine(folder, MetadataFile), JsonSerializer.Serialize(Metadata, Json));
    }

    /// <summary>
    /// The probability (balanced classes) that the curator picks the paper, and the largest effects behind it in
    /// log-odds against an average training paper; the title embedding counts as one effect, and so does the author prior.
    /// </summary>
    public (double Probability, IReadOnlyList<Contribution> TopContributions) Score(Paper paper, float[] titleEmbedding, CuratorProfile profile)
    {
        if (titleEmbedding.Length != Metadata.EmbeddingDimensions)
        {
            throw new ArgumentException($"a title embedding of {titleEmbedding.Length} dimensions; the model expects {Metadata.EmbeddingDimensions}", nameof(titleEmbedding));
        }

        var z = Standardise(TasteFeatures.Build(paper, titleEmbedding, _prior, profile.FollowedAuthors));
        var probability = _linear.Probability(_linear.Margin(z));

        var effects = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < z.Length; i++)
        {
            var group = TasteExplanations.Group(Metadata.FeatureNames[i]);
            effects[group] = effects.GetValueOrDefault(group) + (_linear.Weights[i] * z[i]);
        }

        var top = effects
            .Where(e => Math.Abs(e.Value) >= 0.005)
            .OrderByDescending(e => Math.Abs(e.Value))
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .Take(ContributionsShown)
            .Select(e => new Contribution(e.Value, TasteExplanations.Label(e.Key, e.Value, paper, _prior, profile.FollowedAuthors)))
            .ToList();
        return (probability, top);
    }

    private float[] Standardise(float[] raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = (raw[i] - Metadata.Means[i]) / Metadata.Scales[i];
        }

        return raw;
    }
}
