namespace Roundup.Ranking.Text;

/// <summary>A sparse vector: sorted indices and their values, in a space of <see cref="Length"/> dimensions.</summary>
public sealed class SparseVector
{
    public SparseVector(int length, int[] indices, float[] values)
    {
        if (indices.Length != values.Length)
        {
            throw new ArgumentException($"{indices.Length} indices but {values.Length} values", nameof(values));
        }

        Length = length;
        Indices = indices;
        Values = values;
    }

    public int Length { get; }

    public IReadOnlyList<int> Indices { get; }

    public IReadOnlyList<float> Values { get; }

    public int Count => Indices.Count;

    public double Norm()
    {
        var sum = 0.0;
        foreach (var v in Values)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>The dot product with a dense vector of the same space.</summary>
    public double Dot(ReadOnlySpan<float> dense)
    {
        var sum = 0.0;
        for (var i = 0; i < Indices.Count; i++)
        {
            sum += Values[i] * dense[Indices[i]];
        }

        return sum;
    }
}
