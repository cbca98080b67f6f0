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
/// <param name="load">The paper's evidence, or null when there is no full text; the token stops a read under way.</param>
/// <param name="prepare">Brings the paper's full text in first (fetching it), when given.</param>
public sealed class EvidenceScorer(Func<Paper, CancellationToken, PaperEvidence?> load, Evidence reads = Evidence.Skim, Func<Paper, CancellationToken, Task>? prepare = null) : IPaperScorer
{
    /// <summary>A scorer over evidence that is loaded without cancellation (already in memory, or in tests).</summary>
    public EvidenceScorer(Func<Paper, PaperEvidence?> load, Evidence reads = Evidence.Skim, Func<Paper, CancellationToken, Task>? prepare = null)
        : this((paper, _) => load(paper), reads, prepare)
    {
    }

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

            results.Add(Score(paper, profile, cancellationToken));
        }

        return results;
    }

    /// <summary>Scores one paper; a full text over a limit is judged from the abstract and the reason names the limit; cancellation throws.</summary>
    public ScoreResult Score(Paper paper, CuratorProfile? profile = null, CancellationToken cancellationToken = default)
    {
        PaperEvidence? evidence;
        try
        {
            evidence = load(paper, cancellationToken);
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

        // The paper's sentences, as the weights were set on: a table's result lines would count its results twice.
        var facts = FactExtractor.Extract(evidence).Where(f => !f.FromTable).ToList();
        int Count(FactKind kind) => facts.Count(f => f.Kind == kind);
        var parts = new List<Contribution>();
        Part(parts, Math.Min(0.25, 0.05 * Count(FactKind.Dataset)), Count(FactKind.Dataset), "benchmarks", facts, FactKind.Dataset);
        Part(parts, Math.Min(0.15, 0.05 * Count(FactKind.Baseline)), Count(FactKind.Baseline), "baselines compared", facts, FactKind.Baseline);
        Part(parts, Count(FactKind.Ablation) > 0 ? 0.10 : 0, Count(FactKind.Ablation), "ablation", facts, FactKind.Ablation);
        Part(parts, Math.Min(0.20, 0.04 * Count(FactKind.ResultClaim)), Count(FactKind.ResultClaim), "results with numbers", facts, FactKind.ResultClaim);
        Part(parts, Count(FactKind.SpeedOrCost) > 0 ? 0.15 : 0, Count(FactKind.SpeedOrCost), "speed or cost gains", facts, FactKind.SpeedOrCost);
        Part(parts, Count(FactKind.CodeLink) > 0 ? 0.10 : 0, Count(FactKind.CodeLink), "code", facts, FactKind.CodeLink);
        Part(parts, Count(FactKind.ModelSize) + Count(FactKind.Compute) > 0 ? 0.05 : 0, Count(FactKind.ModelSize) + Count(FactKind.Compute), "scale stated", facts, FactKind.ModelSize);
        ProfileMatch(parts, evidence, profile);
        parts.Add(new Contribution(0, $"read from the full text ({evidence.Format}, {evidence.Sections.Count} sections)"));
        return new ScoreResult(paper.Id, Math.Clamp(parts.Sum(p => p.Value), 0, 1), parts);
    }

    private static void Part(List<Contribution> parts, double value, int count, string what, IReadOnlyList<Fact> facts, FactKind kind)
    {
        if (value > 0)
        {
            var examples = string.Join(", ", facts.Where(f => f.Kind == kind).Take(3).Select(f => $"'{Short(f.Value)}'"));
            parts.Add(new Contribution(value, $"full text: {count} {what} ({examples})"));
        }
    }

    /// <summary>
    /// The curator's favoured and disfavoured topics as the paper's own body states them (abstract, introduction,
    /// method, experiments, results, conclusion: not related work, where every topic gets named).
    /// </summary>
    private static void ProfileMatch(List<Contribution> parts, PaperEvidence evidence, CuratorProfile? profile)
    {
        if (profile is null)
        {
            return;
        }

        var body = string.Join(' ', new[] { evidence.Title, evidence.Abstract }.Concat(evidence.Sections
            .Where(s => s.Kind is not (SectionKind.RelatedWork or SectionKind.Appendix or SectionKind.Other) || s.Level > 1)
            .SelectMany(s => s.Paragraphs)));
        var favoured = profile.FavouredTopics.Where(t => Mentions(body, t)).ToList();
        var disfavoured = profile.DisfavouredTopics.Where(t => Mentions(body, t)).ToList();
        if (favoured.Count > 0)
        {
            parts.Add(new Contribution(Math.Min(0.15, 0.05 * favoured.Count), $"full text: on the curator's topics ({string.Join(", ", favoured.Take(3).Select(t => $"'{t}'"))})"));
        }

        if (disfavoured.Count > 0)
        {
            parts.Add(new Contribution(-Math.Min(0.2, 0.1 * disfavoured.Count), $"full text: on topics the curator avoids ({string.Join(", ", disfavoured.Take(3).Select(t => $"'{t}'"))})"));
        }
    }

    private static bool Mentions(string body, string topic) =>
        topic.Length > 2 && body.Contains(topic, StringComparison.OrdinalIgnoreCase);

    private static string Short(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
