using System.Security.Cryptography;
using System.Text;

namespace Roundup.Selection;

/// <summary>Embeds only texts the store has not seen with this model: a rerun of a week embeds nothing.</summary>
public sealed class CachingEmbedder(IEmbedder inner, IEmbeddingStore store) : IEmbedder
{
    public string Model => inner.Model;

    public int Dimensions => inner.Dimensions;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var hashes = texts.Select(Hash).ToList();
        var known = store.Get(Model, hashes.Distinct().ToList());
        var missing = hashes.Select((h, i) => (Hash: h, Text: texts[i])).Where(x => !known.ContainsKey(x.Hash)).DistinctBy(x => x.Hash).ToList();
        var fresh = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (missing.Count > 0)
        {
            var vectors = inner.Embed(missing.Select(m => m.Text).ToList(), cancellationToken);
            for (var i = 0; i < missing.Count; i++)
            {
                fresh[missing[i].Hash] = vectors[i];
            }

            store.Put(Model, fresh);
        }

        return hashes.Select(h => known.TryGetValue(h, out var v) ? v : fresh[h]).ToArray();
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
