using Roundup.Selection;

namespace Roundup.Storage.Tests.Contract;

/// <summary>What every store must do with cached embeddings (<see cref="IEmbeddingStore"/>), whatever the database.</summary>
public abstract class EmbeddingStoreContract : StoreContract
{
    [Fact]
    public async Task Vectors_read_back_bit_for_bit_under_their_model_and_hash()
    {
        var vectors = new Dictionary<string, float[]>
        {
            ["aa"] = [0.1f, -2.5f, 3.4028235e38f, float.Epsilon],
            ["bb"] = [-0f, 1f / 3f, float.NaN, -1e-30f],
        };
        await using var store = await OpenAsync();
        store.Embeddings.Put("model-a", vectors);

        var back = store.Embeddings.Get("model-a", ["aa", "bb"]);

        Assert.Equal(["aa", "bb"], back.Keys.Order(StringComparer.Ordinal));
        foreach (var (hash, vector) in vectors)
        {
            Assert.Equal(vector.Select(BitConverter.SingleToInt32Bits), back[hash].Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Fact]
    public async Task Hashes_the_store_does_not_have_are_absent_and_models_are_kept_apart()
    {
        await using var store = await OpenAsync();
        store.Embeddings.Put("model-a", new Dictionary<string, float[]> { ["aa"] = [1f, 2f] });

        Assert.Equal(["aa"], store.Embeddings.Get("model-a", ["aa", "missing"]).Keys);
        Assert.Empty(store.Embeddings.Get("model-b", ["aa"]));
        Assert.Empty(store.Embeddings.Get("model-a", []));
    }

    [Fact]
    public async Task A_hash_already_stored_keeps_its_vector_and_survives_a_reopening()
    {
        await using (var first = await OpenAsync())
        {
            first.Embeddings.Put("model-a", new Dictionary<string, float[]> { ["aa"] = [1f, 2f] });
            first.Embeddings.Put("model-a", new Dictionary<string, float[]> { ["aa"] = [9f, 9f], ["bb"] = [3f, 4f] });
        }

        await using var again = await OpenAsync();
        var back = again.Embeddings.Get("model-a", ["aa", "bb"]);
        Assert.Equal([1f, 2f], back["aa"]);
        Assert.Equal([3f, 4f], back["bb"]);
    }

    [Fact]
    public async Task Embeddings_are_cached_by_model_and_text_and_embedded_once()
    {
        await using var store = await OpenAsync();
        var inner = new CountingEmbedder();
        var embedder = new CachingEmbedder(inner, store.Embeddings);
        var first = embedder.Embed(["a title", "another title", "a title"]);
        var second = embedder.Embed(["another title", "a third"]);
        Assert.Equal(3, inner.Embedded);
        Assert.Equal(first[1], second[0]);
        Assert.Equal(first[0], first[2]);
    }

    private sealed class CountingEmbedder : IEmbedder
    {
        public int Embedded { get; private set; }

        public string Model => "counting";

        public int Dimensions => 2;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Embedded += texts.Count;
            return texts.Select(t => new[] { t.Length, 1f }).ToArray();
        }
    }
}
