using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Roundup.Selection;

namespace Roundup.Ranking.Embeddings;

/// <summary>Remembers vectors for the life of the process, keyed by model and text hash; embeds only texts it has not seen.</summary>
public sealed class InMemoryEmbeddingCache(IEmbedder inner) : IEmbedder
{
    private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    public string Model => inner.Model;

    public int Dimensions => inner.Dimensions;

    public int Count => _vectors.Count;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var keys = texts.Select(Key).ToArray();
        var missing = Enumerable.Range(0, texts.Count)
            .Where(i => !_vectors.ContainsKey(keys[i]))
            .DistinctBy(i => keys[i])
            .ToList();
        if (missing.Count > 0)
        {
            var fresh = inner.Embed([.. missing.Select(i => texts[i])], cancellationToken);
            for (var j = 0; j < missing.Count; j++)
            {
                _vectors[keys[missing[j]]] = fresh[j];
            }
        }

        return [.. keys.Select(k => (float[])_vectors[k].Clone())];
    }

    private string Key(string text) => Model + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
