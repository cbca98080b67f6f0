using Roundup.Ranking.Embeddings;

namespace Roundup.Ranking.Tests;

public sealed class MiniLmEmbedderTests(EmbedderFixture fixture) : IClassFixture<EmbedderFixture>
{
    private readonly MiniLmEmbedder _embedder = fixture.Embedder;

    [Fact]
    public void Vectors_have_384_dimensions_and_unit_length()
    {
        var vectors = _embedder.Embed(["Attention is all you need", "Denoising diffusion probabilistic models"], TestContext.Current.CancellationToken);

        Assert.Equal(384, _embedder.Dimensions);
        Assert.Equal("all-MiniLM-L6-v2", _embedder.Model);
        Assert.All(vectors, v =>
        {
            Assert.Equal(384, v.Length);
            Assert.Equal(1.0, Vectors.Norm(v), 4);
        });
    }

    [Fact]
    public void Similar_sentences_are_closer_than_unrelated_ones()
    {
        var v = _embedder.Embed(["a cat sits on the mat", "a kitten on a rug", "quarterly tax filing deadlines"], TestContext.Current.CancellationToken);

        Assert.True(Vectors.Dot(v[0], v[1]) > Vectors.Dot(v[0], v[2]) + 0.2, $"cat~kitten {Vectors.Dot(v[0], v[1]):0.00}, cat~tax {Vectors.Dot(v[0], v[2]):0.00}");
    }

    [Fact]
    public void Empty_or_blank_text_gives_the_zero_vector()
    {
        var v = _embedder.Embed(["", "   ", "a title"], TestContext.Current.CancellationToken);

        Assert.All(v[..2], z => Assert.All(z, x => Assert.Equal(0f, x)));
        Assert.Equal(1.0, Vectors.Norm(v[2]), 4);
    }

    [Fact]
    public void A_batch_gives_the_same_vectors_as_one_text_at_a_time()
    {
        string[] texts =
        [
            "Scaling laws for neural language models",
            "A short title",
            "Mixture-of-experts routing with load balancing losses for sparse transformers at scale",
            "LoRA: low-rank adaptation of large language models",
        ];

        var batch = _embedder.Embed(texts, TestContext.Current.CancellationToken);

        for (var i = 0; i < texts.Length; i++)
        {
            var single = _embedder.Embed([texts[i]], TestContext.Current.CancellationToken)[0];
            Assert.Equal(1.0, Vectors.Dot(batch[i], single), 4);
        }
    }

    [Fact]
    public void Concurrent_callers_get_their_own_answers()
    {
        var texts = Enumerable.Range(0, 8).Select(i => $"paper number {i} about topic {i * 7}").ToArray();
        var expected = _embedder.Embed(texts, TestContext.Current.CancellationToken);

        var results = new float[texts.Length][];
        Parallel.For(0, texts.Length, i => results[i] = _embedder.Embed([texts[i]])[0]);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(1.0, Vectors.Dot(expected[i], results[i]), 4);
        }
    }
}
