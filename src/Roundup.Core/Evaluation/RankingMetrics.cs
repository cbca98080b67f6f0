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

    /// <summary>Average precision over the whole ranking: the mean of the precision at each relevant item's rank.</summary>
    public static double AveragePrecision<T>(IReadOnlyList<T> ranking, IReadOnlySet<T> relevant)
    {
        if (relevant.Count == 0)
        {
            return 0;
        }

        double sum = 0;
        var hits = 0;
        for (var i = 0; i < ranking.Count; i++)
        {
            if (relevant.Contains(ranking[i]))
            {
                hits++;
                sum += hits / (double)(i + 1);
            }
        }

        return sum / relevant.Count;
    }
}
