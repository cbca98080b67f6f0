namespace Roundup.Writing.Tldr;

/// <summary>
/// The learned TL;DR scorer as stored in <c>tldr-model.json</c>: a linear score over standardised
/// <see cref="SentenceFeatures"/>, softmax-normalised within an abstract, and the clean-ups chosen on dev.
/// </summary>
public sealed record TldrModelWeights
{
    public required string About { get; init; }

    public required IReadOnlyList<string> Features { get; init; }

    public required IReadOnlyList<double> Means { get; init; }

    public required IReadOnlyList<double> Scales { get; init; }

    public required IReadOnlyList<double> Weights { get; init; }

    /// <summary>Softness of the training targets: each sentence's share is exp(ROUGE / temperature).</summary>
    public required double Temperature { get; init; }

    public required double L2 { get; init; }

    public required TldrCleaning Cleaning { get; init; }

    /// <summary>ROUGE-1/2/L F1 × 100 of the cleaned pick on SciTLDR dev, measured when the model was trained.</summary>
    public required IReadOnlyList<double> DevRouge { get; init; }
}
