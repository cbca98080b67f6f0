namespace Roundup.Writing.Evaluation;

/// <summary>TL;DR quality on a SciTLDR split for every ranker, with the published reference point.</summary>
public sealed record SummaryEvaluationReport(string Split, int Papers, int References, IReadOnlyList<RankerRouge> Rankers)
{
    /// <summary>CATTS (Cachola et al., 2020), supervised BART-based, abstract-only input, SciTLDR test: ROUGE-1.</summary>
    public const double CattsRouge1 = 43.8;

    /// <summary>The target for the offline writer's ROUGE-1 on test.</summary>
    public const double TargetRouge1 = 38;
}
