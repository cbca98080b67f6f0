using Roundup.Ranking.Text;

namespace Roundup.Ranking.Baseline;

public sealed record TfIdfSvmOptions
{
    public TfIdfOptions TfIdf { get; init; } = new();

    /// <summary>Passes of the Pegasos solver over the data.</summary>
    public int Iterations { get; init; } = 20;

    public float Lambda { get; init; } = 0.001f;

    public int Seed { get; init; } = 42;
}
