namespace Roundup.FullText.Facts;

/// <summary>What a curator looks for in a paper, each found with the sentence it came from.</summary>
public enum FactKind
{
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
