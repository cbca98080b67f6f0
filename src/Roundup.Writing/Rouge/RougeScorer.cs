namespace Roundup.Writing.Rouge;

/// <summary>
/// ROUGE F1 (Lin, 2004): n-gram overlap for ROUGE-1 and ROUGE-2, the longest common subsequence for ROUGE-L
/// (sentence-level, not the summary-level ROUGE-Lsum). With several references each measure takes its best reference
/// on its own, the convention of SciTLDR's evaluation (Cachola et al., 2020), so ROUGE-1 and ROUGE-L may come from
/// different references.
/// </summary>
public static class RougeScorer
{
    public static RougeScores Score(string candidate, string reference) =>
        Score(RougeTokenizer.Tokenize(candidate), RougeTokenizer.Tokenize(reference));

    public static RougeScores ScoreBest(string candidate, IEnumerable<string> references) =>
        ScoreBest(RougeTokenizer.Tokenize(candidate), references.Select(RougeTokenizer.Tokenize).ToList());

    public static RougeScores ScoreBest(IReadOnlyList<string> candidate, IReadOnlyList<IReadOnlyList<string>> references)
    {
        if (references.Count == 0)
        {
            throw new ArgumentException("ROUGE needs at least one reference", nameof(references));
        }

        double r1 = 0, r2 = 0, rl = 0;
        foreach (var reference in references)
        {
            var s = Score(candidate, reference);
            r1 = Math.Max(r1, s.Rouge1);
            r2 = Math.Max(r2, s.Rouge2);
            rl = Math.Max(rl, s.RougeL);
        }

        return new RougeScores(r1, r2, rl);
    }

    public static RougeScores Score(IReadOnlyList<string> candidate, IReadOnlyList<string> reference) =>
        new(NGramF1(candidate, reference, 1), NGramF1(candidate, reference, 2), LcsF1(candidate, reference));

    public static double NGramF1(IReadOnlyList<string> candidate, IReadOnlyList<string> reference, int n)
    {
        var candidateCount = Math.Max(0, candidate.Count - n + 1);
        var referenceCount = Math.Max(0, reference.Count - n + 1);
        if (candidateCount == 0 || referenceCount == 0)
        {
            return 0;
        }

        var referenceGrams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < referenceCount; i++)
        {
            var gram = Gram(reference, i, n);
            referenceGrams[gram] = referenceGrams.GetValueOrDefault(gram) + 1;
        }

        var overlap = 0;
        for (var i = 0; i < candidateCount; i++)
        {
            var gram = Gram(candidate, i, n);
            if (referenceGrams.TryGetValue(gram, out var left) && left > 0)
            {
                referenceGrams[gram] = left - 1;
                overlap++;
            }
        }

        return F1(overlap, candidateCount, referenceCount);
    }

    public static double LcsF1(IReadOnlyList<string> candidate, IReadOnlyList<string> reference) =>
        candidate.Count == 0 || reference.Count == 0 ? 0 : F1(LcsLength(candidate, reference), candidate.Count, reference.Count);

    public static int LcsLength(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                current[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal)
                    ? previous[j - 1] + 1
                    : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Count];
    }

    private static double F1(int overlap, int candidateCount, int referenceCount)
    {
        if (overlap == 0)
        {
            return 0;
        }

        var precision = (double)overlap / candidateCount;
        var recall = (double)overlap / referenceCount;
        return 2 * precision * recall / (precision + recall);
    }

    private static string Gram(IReadOnlyList<string> tokens, int start, int n) =>
        n == 1 ? tokens[start] : string.Join(' ', Enumerable.Range(start, n).Select(i => tokens[i]));
}
