namespace Roundup.Ranking.Text;

public sealed record TfIdfOptions
{
    /// <summary>A term must occur in at least this many documents of the corpus.</summary>
    public int MinDocumentFrequency { get; init; } = 2;

    /// <summary>The most frequent terms kept (by document frequency).</summary>
    public int MaxFeatures { get; init; } = 50_000;

    public bool Bigrams { get; init; } = true;
}
