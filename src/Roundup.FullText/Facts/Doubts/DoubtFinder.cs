namespace Roundup.FullText.Facts.Doubts;

/// <summary>
/// What to doubt, read from the paper: no or only weak baselines, results only on the authors' own benchmark, a single
/// run, a small evaluation, compute far beyond the baselines', no ablation, and the limitations the authors state.
/// Each becomes a <see cref="FactKind.Doubt"/> fact with its evidence: the sentence or cells that show it, or for an
/// absence what was looked for and where. An absence is claimed only when the whole paper was read; every check
/// stays quiet when unsure, since a wrong doubt is worse than a missing one.
/// </summary>
public static class DoubtFinder
{
    public const int MaxDoubts = 4;

    /// <summary>
    /// The Section of a doubt that states an absence (no error bars, no ablation, no baselines): its Sentence then says
    /// what was looked for and where, rather than quoting the paper.
    /// </summary>
    public const string WholePaper = "whole paper";

    /// <summary>Whether the fact is a doubt stating an absence, whose Sentence is not a sentence of the paper.</summary>
    public static bool StatesAbsence(Fact fact) => fact is { Kind: FactKind.Doubt, Section: WholePaper };

    public static IReadOnlyList<Fact> Find(PaperEvidence evidence, IReadOnlyList<Fact> facts)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(facts);
        var paper = new PaperReading(evidence, facts);
        return
        [
            .. BaselineCheck.Find(paper)
                .Concat(OwnBenchmarkCheck.Find(paper))
                .Concat(SingleRunCheck.Find(paper))
                .Concat(SmallEvaluationCheck.Find(paper))
                .Concat(ComputeCheck.Find(paper))
                .Concat(AblationCheck.Find(paper))
                .Concat(StatedLimitationCheck.Find(paper))
                .OrderBy(d => d.Kind)
                .Take(MaxDoubts)
                .Select(d => d.ToFact()),
        ];
    }
}
