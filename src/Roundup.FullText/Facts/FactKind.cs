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

    /// <summary>The paper's own method against the best other row of a results table, with the cells as printed.</summary>
    HeadlineResult,

    /// <summary>A claim of the abstract that the tables do not bear out (the abstract says 10×, the table 3.2×).</summary>
    UnsupportedClaim,

    /// <summary>A reason to doubt the results (no baselines, one seed, a small evaluation, …), with its evidence.</summary>
    Doubt,
}
