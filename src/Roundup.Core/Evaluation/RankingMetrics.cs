namespace Roundup.Evaluation;

/// <summary>Binary-relevance ranking metrics: precision, recall and nDCG at a cut-off.</summary>
public static class RankingMetrics
{
    public static double PrecisionAt<T>(IReadOnlyList<T> ranking, IReadOnlySet<T> relevant, int k) =>
        k <= 0 ? 0 : (double)ranking.Take(k).Count(relevant.Contains) / k;

    public static double RecallAt<T>(IReadOnlyList<T> ranking, IReadOnlySet<T> relevant, int k) =>
        relevant.Count == 0 ? 0 : (double)ranking.Take(k).Count(relevant.Contains) / relevant.Count;

    public static double NdcgAt<T>(IReadOnlyList<T> ranking, IReadOnlySet<T> relevant, int k)
    {
        var dcg = ranking.Take(k).Select((item, i) => relevant.Contains(item) ? 1 / Math.Log2(i + 2) : 0).Sum();
        var ideal = Enumerable.Range(0, Math.Min(k, relevant.Count)).Sum(i => 1 / Math.Log2(i + 2));
        return ideal == 0 ? 0 : dcg / ideal;
    }
}
