using Roundup.Ranking.Embeddings;

namespace Roundup.Ranking.Tests;

public sealed class VectorsTests
{
    [Fact]
    public void Cosine_ignores_length_and_is_zero_for_a_zero_vector()
    {
        Assert.Equal(1.0, Vectors.Cosine([1f, 2f], [2f, 4f]), 6);
        Assert.Equal(0.0, Vectors.Cosine([1f, 0f], [0f, 3f]), 6);
        Assert.Equal(0.0, Vectors.Cosine([0f, 0f], [1f, 1f]), 6);
    }

    [Fact]
    public void Normalised_gives_unit_length_and_keeps_zero()
    {
        Assert.Equal([0.6f, 0.8f], Vectors.Normalised([3f, 4f]));
        Assert.Equal([0f, 0f], Vectors.Normalised([0f, 0f]));
    }

    [Fact]
    public void Centroid_is_the_normalised_mean()
    {
        var c = Vectors.Centroid([[1f, 0f], [0f, 1f]]);

        Assert.NotNull(c);
        Assert.Equal(1.0, Vectors.Norm(c), 6);
        Assert.Equal(c[0], c[1], 6);
        Assert.Null(Vectors.Centroid([]));
    }

    [Fact]
    public void Dot_rejects_vectors_of_different_lengths() =>
        Assert.Throws<ArgumentException>(() => Vectors.Dot([1f], [1f, 2f]));
}
