namespace Roundup.FullText.Facts;

/// <summary>What a curator looks for in a paper, each found with the sentence it came from.</summary>
public enum FactKind
{
    /// <summary>What the paper says it does or finds ("we propose…", "we show that…"), numbers or not.</summary>
    Contribution,
    ResultClaim,
    SpeedOrCost,
    Dataset,
    Baseline,
    Ablation,
    ModelSize,
    Compute,
    CodeLink,
    Limitation,
}
