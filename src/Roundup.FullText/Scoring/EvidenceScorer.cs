using Roundup.FullText.Facts;
using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Selection;

namespace Roundup.FullText.Scoring;

/// <summary>
/// Scores the skim and read stages from the paper itself: the strength of its evidence (benchmarks, baselines,
/// ablations, numbers), the size of its claimed gains, openness (code), and scale. A paper with hidden text scores
/// zero and says what was hidden. A paper without full text is left to the other scorers, which read the abstract.
/// </summary>
/// <param name="load">The paper's evidence, or null when there is no full text.</param>
/// <param name="prepare">Brings the paper's full text in first (fetching it), when given.</param>
public sealed class EvidenceScorer(Func<Paper, PaperEvidence?> load, Evidence reads = Evidence.Skim, Func<Paper, CancellationToken, Task>? prepare = null) : IPaperScorer
{
    public string Id => $"evidence-{(reads == Evidence.Skim ? "skim" : "read")}-v1";

    public Evidence Reads => reads;

    public async Task<IReadOnlyList<ScoreResult>> ScoreAsync(IReadOnlyList<Paper> batch, CuratorProfile profile, CancellationToken cancellationToken = default)
    {
        var results = new List<ScoreResult>(batch.Count);
        foreach (var paper in batch)
        {
            if (prepare is not null)
            {
                await prepare(paper, cancellationToken);
            }

            results.Add(Score(paper));
        }

        return results;
    }

    public ScoreResult Score(Paper paper)
    {
        PaperEvidence? evidence;
        try
        {
            evidence = load(paper);
        }
        catch (FullTextException e)
        {
            return ScoreResult.Failed(paper.Id, $"full text unreadable ({e.Problem}): judged from the abstract");
        }

        if (evidence is null)
        {
            return ScoreResult.Failed(paper.Id, "no full text: judged from the abstract");
        }

        if (evidence.HasHiddenText)
        {
            var first = evidence.HiddenText[0];
            return new ScoreResult(paper.Id, 0, [new Contribution(0, $"full text: {evidence.HiddenText.Count} hidden passage(s), e.g. {first.Kind} at {first.Location}: '{Short(first.Text)}'")]);
        }

        var facts = FactExtractor.Extract(evidence);
        int Count(FactKind kind) => facts.Count(f => f.Kind == kind);
        var parts = new List<Contribution>();
        Part(parts, Math.Min(0.25, 0.05 * Count(FactKind.Dataset)), Count(FactKind.Dataset), "benchmarks", facts, FactKind.Dataset);
        Part(parts, Math.Min(0.15, 0.05 * Count(FactKind.Baseline)), Count(FactKind.Baseline), "baselines compared", facts, FactKind.Baseline);
        Part(parts, Count(FactKind.Ablation) > 0 ? 0.10 : 0, Count(FactKind.Ablation), "ablation", facts, FactKind.Ablation);
        Part(parts, Math.Min(0.20, 0.04 * Count(FactKind.ResultClaim)), Count(FactKind.ResultClaim), "results with numbers", facts, FactKind.ResultClaim);
        Part(parts, Count(FactKind.SpeedOrCost) > 0 ? 0.15 : 0, Count(FactKind.SpeedOrCost), "speed or cost gains", facts, FactKind.SpeedOrCost);
        Part(parts, Count(FactKind.CodeLink) > 0 ? 0.10 : 0, Count(FactKind.CodeLink), "code", facts, FactKind.CodeLink);
        Part(parts, Count(FactKind.ModelSize) + Count(FactKind.Compute) > 0 ? 0.05 : 0, Count(FactKind.ModelSize) + Count(FactKind.Compute), "scale stated", facts, FactKind.ModelSize);
        parts.Add(new Contribution(0, $"read from the full text ({evidence.Format}, {evidence.Sections.Count} sections)"));
        return new ScoreResult(paper.Id, Math.Min(1, parts.Sum(p => p.Value)), parts);
    }

    private static void Part(List<Contribution> parts, double value, int count, string what, IReadOnlyList<Fact> facts, FactKind kind)
    {
        if (value > 0)
        {
            var examples = string.Join(", ", facts.Where(f => f.Kind == kind).Take(3).Select(f => $"'{Short(f.Value)}'"));
            parts.Add(new Contribution(value, $"full text: {count} {what} ({examples})"));
        }
    }

    private static string Short(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
