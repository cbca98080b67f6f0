using System.Text.Json;
using System.Text.Json.Serialization;

namespace Roundup.Writing.Tldr;

/// <summary>
/// Rates how summary-like each sentence of an abstract is and makes the best one the TL;DR. The weights ship inside
/// this assembly (<c>Tldr/tldr-model.json</c>, written by <see cref="TldrModelTrainer"/> from SciTLDR train and dev),
/// so the offline writer needs no data at run time.
/// </summary>
public sealed class TldrModel
{
    public const string ResourceName = "Roundup.Writing.Tldr.tldr-model.json";

    private static readonly Lazy<TldrModel> Shipped = new(LoadShipped);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public TldrModel(TldrModelWeights weights)
    {
        if (!weights.Features.SequenceEqual(SentenceFeatures.Names))
        {
            throw new InvalidDataException($"the TL;DR model was trained on features [{string.Join(", ", weights.Features)}], not the current [{string.Join(", ", SentenceFeatures.Names)}]: retrain it with TldrModelTrainer");
        }

        var d = SentenceFeatures.Names.Count;
        if (weights.Means.Count != d || weights.Scales.Count != d || weights.Weights.Count != d || weights.Scales.Any(s => s <= 0))
        {
            throw new InvalidDataException($"the TL;DR model needs {d} means, positive scales and weights");
        }

        Weights = weights;
    }

    /// <summary>The model that ships with Roundup.</summary>
    public static TldrModel Default => Shipped.Value;

    public TldrModelWeights Weights { get; }

    public static TldrModel FromJson(string json) =>
        new(JsonSerializer.Deserialize<TldrModelWeights>(json, Json) ?? throw new InvalidDataException("the TL;DR model file is empty"));

    public string ToJson() => JsonSerializer.Serialize(Weights, Json);

    /// <summary>One score per sentence, higher is more summary-like.</summary>
    public double[] Score(string title, IReadOnlyList<string> sentences) =>
        SentenceFeatures.Compute(title, sentences).Select(Score).ToArray();

    /// <summary>The index of the most summary-like sentence (the earlier one on a tie), or -1 when there are none.</summary>
    public int Pick(string title, IReadOnlyList<string> sentences)
    {
        var scores = Score(title, sentences);
        var best = -1;
        for (var i = 0; i < scores.Length; i++)
        {
            if (best < 0 || scores[i] > scores[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>The TL;DR of an abstract: its most summary-like sentence, cleaned, on one line; "" for an empty abstract.</summary>
    public string Tldr(string title, IReadOnlyList<string> sentences)
    {
        var pick = Pick(title, sentences);
        return pick < 0 ? "" : TldrCleaner.Clean(sentences[pick], Weights.Cleaning);
    }

    internal double Score(double[] features)
    {
        var score = 0.0;
        for (var k = 0; k < features.Length; k++)
        {
            score += Weights.Weights[k] * (features[k] - Weights.Means[k]) / Weights.Scales[k];
        }

        return score;
    }

    private static TldrModel LoadShipped()
    {
        using var stream = typeof(TldrModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the TL;DR model {ResourceName} is not embedded in {typeof(TldrModel).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }
}
