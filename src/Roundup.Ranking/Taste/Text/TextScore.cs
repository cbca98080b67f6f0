using System.Globalization;
using Roundup.Papers;
using Roundup.Ranking.Baseline;
using Roundup.Ranking.Text;

namespace Roundup.Ranking.Taste.Text;

/// <summary>A trained text score (see <see cref="TextScoreKind"/>): a margin, higher for text more like the history's picks.</summary>
public sealed class TextScore
{
    private readonly float[]? _embeddingWeights;
    private readonly float _embeddingBias;
    private readonly TfIdfSvmRanker? _tfIdf;

    private TextScore(TextScoreKind kind, float[]? embeddingWeights, float embeddingBias, TfIdfSvmRanker? tfIdf)
    {
        Kind = kind;
        _embeddingWeights = embeddingWeights;
        _embeddingBias = embeddingBias;
        _tfIdf = tfIdf;
    }

    public TextScoreKind Kind { get; }

    public static TextScore ForTitleEmbedding(float[] weights, float bias) => new(TextScoreKind.TitleEmbedding, weights, bias, null);

    public static TextScore ForTfIdf(TfIdfSvmRanker ranker) => new(TextScoreKind.TfIdf, null, 0, ranker);

    public double Score(Paper paper, ReadOnlySpan<float> titleVector)
    {
        if (_tfIdf is not null)
        {
            return _tfIdf.Score(paper);
        }

        double margin = _embeddingBias;
        for (var i = 0; i < _embeddingWeights!.Length && i < titleVector.Length; i++)
        {
            margin += _embeddingWeights[i] * titleVector[i];
        }

        return margin;
    }

    /// <summary>
    /// As text: a header line <c>KIND\tBIAS\tBIGRAMS</c>, then for the embedding one weight a line, for tf-idf one
    /// <c>TERM\tIDF\tWEIGHT</c> a line (terms in vocabulary order).
    /// </summary>
    public void Write(TextWriter writer)
    {
        var bias = _tfIdf?.Bias ?? _embeddingBias;
        writer.Write($"{Kind}\t{F(bias)}\t{(_tfIdf?.Vectorizer.Bigrams ?? false)}\n");
        if (_tfIdf is null)
        {
            foreach (var w in _embeddingWeights!)
            {
                writer.Write(F(w) + "\n");
            }

            return;
        }

        foreach (var (term, index) in _tfIdf.Vectorizer.Vocabulary.OrderBy(v => v.Value))
        {
            writer.Write($"{term}\t{F(_tfIdf.Vectorizer.InverseDocumentFrequencies[index])}\t{F(_tfIdf.Weights[index])}\n");
        }
    }

    public static TextScore Read(TextReader reader, string source)
    {
        var header = (reader.ReadLine() ?? "").Split('\t');
        if (header.Length != 3 || !Enum.TryParse<TextScoreKind>(header[0], out var kind) || kind == TextScoreKind.None || !float.TryParse(header[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var bias))
        {
            throw new InvalidDataException($"{source}:1: expected KIND, BIAS and BIGRAMS separated by tabs");
        }

        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        try
        {
            if (kind == TextScoreKind.TitleEmbedding)
            {
                return ForTitleEmbedding([.. lines.Select(l => float.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture))], bias);
            }

            var cells = lines.Select(l => l.Split('\t')).ToList();
            var vocabulary = cells.Select((c, i) => (c[0], i)).ToDictionary(x => x.Item1, x => x.i, StringComparer.Ordinal);
            var vectorizer = TfIdfVectorizer.From(vocabulary, [.. cells.Select(c => float.Parse(c[1], NumberStyles.Float, CultureInfo.InvariantCulture))], header[2] == "True");
            return ForTfIdf(TfIdfSvmRanker.From(vectorizer, [.. cells.Select(c => float.Parse(c[2], NumberStyles.Float, CultureInfo.InvariantCulture))], bias));
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentException)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
    }

    private static string F(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
