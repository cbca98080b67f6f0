using Roundup.Ranking.Embeddings;

namespace Roundup.Ranking.Tests;

public sealed class InMemoryEmbeddingCacheTests
{
    [Fact]
    public void Embeds_each_text_once()
    {
        var inner = new HashingEmbedder();
        var cache = new InMemoryEmbeddingCache(inner);

        var first = cache.Embed(["alpha", "beta", "alpha"], TestContext.Current.CancellationToken);
        var second = cache.Embed(["beta", "gamma"], TestContext.Current.CancellationToken);

        Assert.Equal(3, inner.TextsEmbedded);
        Assert.Equal(first[1], second[0]);
        Assert.Equal(first[0], first[2]);
        Assert.Equal(inner.Model, cache.Model);
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void Callers_cannot_change_the_cached_vectors()
    {
        var cache = new InMemoryEmbeddingCache(new HashingEmbedder());
        var first = cache.Embed(["alpha"], TestContext.Current.CancellationToken)[0];
        var original = first[..];

        Array.Fill(first, 9f);

        Assert.Equal(original, cache.Embed(["alpha"], TestContext.Current.CancellationToken)[0]);
    }
}
