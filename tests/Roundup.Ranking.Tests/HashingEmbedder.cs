using Roundup.Ranking.Embeddings;
using Roundup.Ranking.Text;
using Roundup.Selection;

namespace Roundup.Ranking.Tests;

/// <summary>A fast stand-in embedder: words hashed into buckets, so texts sharing words point the same way.</summary>
public sealed class HashingEmbedder(int dimensions = 384) : IEmbedder
{
    public int Calls { get; private set; }

    public int TextsEmbedded { get; private set; }

    public string Model => "all-MiniLM-L6-v2";

    public int Dimensions => dimensions;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Calls++;
        TextsEmbedded += texts.Count;
        return [.. texts.Select(Embed)];
    }

    private float[] Embed(string text)
    {
        var v = new float[dimensions];
        foreach (var word in WordTokens.Split(text))
        {
            var h = 17u;
            foreach (var c in word)
            {
                h = (h * 31) + c;
            }

            v[h % (uint)dimensions] += 1;
        }

        return Vectors.Normalised(v);
    }
}
