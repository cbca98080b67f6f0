namespace Roundup.Ranking.Taste.Model;

/// <summary>
/// A logistic regression over named signals, kept as plain numbers so scoring is arithmetic and each signal's effect
/// can be told: margin = bias + Σ weight·(value − mean)/scale, probability = 1/(1 + e^−margin). Trained with the
/// classes weighted to the same total, so 0.5 means "as likely a pick as not" on an even prior.
/// </summary>
public sealed record Combiner(IReadOnlyList<string> Signals, IReadOnlyList<float> Means, IReadOnlyList<float> Scales, IReadOnlyList<float> Weights, float Bias)
{
    public double Margin(ReadOnlySpan<float> values)
    {
        double margin = Bias;
        for (var i = 0; i < Weights.Count; i++)
        {
            margin += Effect(i, values[i]);
        }

        return margin;
    }

    /// <summary>Signal <paramref name="i"/>'s share of the margin at <paramref name="value"/>, against an average training paper.</summary>
    public double Effect(int i, float value) => Weights[i] * ((value - Means[i]) / Scales[i]);

    public static double Probability(double margin) => 1.0 / (1.0 + Math.Exp(-margin));
}
