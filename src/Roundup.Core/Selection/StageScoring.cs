using Roundup.Papers;
using Roundup.Profiles;

namespace Roundup.Selection;

/// <summary>
/// Scores the papers entering a stage with its scorers in batches and combines them: a weighted mean of the scores
/// each scorer could give, so one failing scorer (an LLM timing out) does not unscore a paper the others can judge.
/// </summary>
public static class StageScoring
{
    public static async Task<IReadOnlyList<Scored>> ScoreAsync(
        IReadOnlyList<Paper> papers,
        IReadOnlyList<(IPaperScorer Scorer, double Weight)> scorers,
        int batchSize,
        CuratorProfile profile,
        string? evidenceNote,
        CancellationToken cancellationToken)
    {
        var results = new Dictionary<ArxivId, List<(ScoreResult Result, IPaperScorer Scorer, double Weight)>>();
        foreach (var (scorer, weight) in scorers)
        {
            foreach (var batch in papers.Chunk(Math.Max(1, batchSize)))
            {
                IReadOnlyList<ScoreResult> answers;
                try
                {
                    answers = await scorer.ScoreAsync(batch, profile, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    answers = batch.Select(p => ScoreResult.Failed(p.Id, $"{scorer.Id} failed: {e.Message}")).ToList();
                }

                var byId = answers.GroupBy(a => a.Paper.Canonical, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                foreach (var paper in batch)
                {
                    var answer = byId.GetValueOrDefault(paper.Id.Canonical) ?? ScoreResult.Failed(paper.Id, $"{scorer.Id} gave no answer for it");
                    if (!results.TryGetValue(paper.Id, out var list))
                    {
                        results[paper.Id] = list = [];
                    }

                    list.Add((answer, scorer, weight));
                }
            }
        }

        return papers.Select(p => Combine(p.Id, results.GetValueOrDefault(p.Id) ?? [], evidenceNote)).ToList();
    }

    private static Scored Combine(ArxivId paper, List<(ScoreResult Result, IPaperScorer Scorer, double Weight)> parts, string? evidenceNote)
    {
        var usable = parts.Where(p => p.Result.Score is not null && p.Weight > 0).ToList();
        var contributions = new List<Contribution>();
        foreach (var (result, scorer, weight) in parts)
        {
            if (result.Score is null)
            {
                contributions.Add(new Contribution(0, $"{scorer.Id} unscored: {result.Unscored}"));
                continue;
            }

            var share = weight / usable.Sum(u => u.Weight);
            contributions.AddRange(result.Contributions.Select(c => c with { Value = c.Value * share }));
        }

        if (evidenceNote is not null)
        {
            contributions.Add(new Contribution(0, evidenceNote));
        }

        var ids = parts.Select(p => p.Scorer.Id).ToList();
        if (usable.Count == 0)
        {
            return new Scored(paper, null, contributions, ids, string.Join("; ", parts.Select(p => p.Result.Unscored).Where(u => u is not null)));
        }

        var score = usable.Sum(u => u.Weight * u.Result.Score!.Value) / usable.Sum(u => u.Weight);
        return new Scored(paper, score, contributions, ids);
    }
}
