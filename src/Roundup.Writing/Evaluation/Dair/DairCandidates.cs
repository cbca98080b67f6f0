using Roundup.Writing.Rouge;

namespace Roundup.Writing.Evaluation.Dair;

/// <summary>The extractive texts scored beside the offline writer: leading sentences, the whole abstract, and oracles.</summary>
public static class DairCandidates
{
    public static string Lead(IReadOnlyList<string> sentences, int count) => string.Join(' ', sentences.Take(count));

    /// <summary>The abstract sentence with the best mean ROUGE-1/2/L against the reference.</summary>
    public static string BestSentence(IReadOnlyList<string> sentences, IReadOnlyList<string> reference) =>
        sentences.Count == 0 ? "" : sentences.MaxBy(s => RougeScorer.Score(RougeTokenizer.Tokenize(s), reference).Mean)!;

    /// <summary>
    /// The greedy extractive oracle: sentences added one at a time, each the one raising ROUGE-1 + ROUGE-2 most, until
    /// none raises it; kept in the abstract's order. An upper bound for quoting abstract sentences.
    /// </summary>
    public static string GreedyOracle(IReadOnlyList<string> sentences, IReadOnlyList<string> reference)
    {
        var tokens = sentences.Select(RougeTokenizer.Tokenize).ToList();
        var chosen = new List<int>();
        var best = 0.0;
        while (true)
        {
            var step = Enumerable.Range(0, sentences.Count)
                .Where(i => !chosen.Contains(i))
                .Select(i => (Index: i, Score: Gain(chosen.Append(i))))
                .DefaultIfEmpty((Index: -1, Score: 0.0))
                .MaxBy(x => x.Score);
            if (step.Index < 0 || step.Score <= best)
            {
                break;
            }

            chosen.Add(step.Index);
            best = step.Score;
        }

        return string.Join(' ', chosen.Order().Select(i => sentences[i]));

        double Gain(IEnumerable<int> picked)
        {
            var candidate = picked.Order().SelectMany(i => tokens[i]).ToList();
            return RougeScorer.NGramF1(candidate, reference, 1) + RougeScorer.NGramF1(candidate, reference, 2);
        }
    }
}
