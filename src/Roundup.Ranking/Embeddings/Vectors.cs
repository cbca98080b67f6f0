namespace Roundup.Ranking.Embeddings;

/// <summary>Dense vector arithmetic for embeddings.</summary>
public static class Vectors
{
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"vectors of {a.Length} and {b.Length} dimensions", nameof(b));
        }

        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>Cosine similarity; 0 when either vector is zero.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var norms = Norm(a) * Norm(b);
        return norms == 0 ? 0 : Dot(a, b) / norms;
    }

    public static double Norm(ReadOnlySpan<float> a) => Math.Sqrt(Dot(a, a));

    /// <summary>A unit-length copy; a zero vector stays zero.</summary>
    public static float[] Normalised(ReadOnlySpan<float> a)
    {
        var copy = a.ToArray();
        var norm = Norm(a);
        if (norm > 0)
        {
            for (var i = 0; i < copy.Length; i++)
            {
                copy[i] = (float)(copy[i] / norm);
            }
        }

        return copy;
    }

    /// <summary>The mean of the vectors, normalised to unit length; null when there are none.</summary>
    public static float[]? Centroid(IEnumerable<float[]> vectors)
    {
        float[]? sum = null;
        foreach (var v in vectors)
        {
            sum ??= new float[v.Length];
            if (v.Length != sum.Length)
            {
                throw new ArgumentException($"vectors of {sum.Length} and {v.Length} dimensions", nameof(vectors));
            }

            for (var i = 0; i < v.Length; i++)
            {
                sum[i] += v[i];
            }
        }

        return sum is null ? null : Normalised(sum);
    }
}
