namespace Roundup.Application.Evaluation;

/// <summary>
/// A percentile bootstrap of mean hits per issue: each window's picks are resampled with replacement (a hit is 1, a
/// miss 0), the hits summed per window and averaged over windows. Fifteen picks are a small sample: this says how
/// small. Seeded, so the same hits give the same interval.
/// </summary>
public static class Bootstrap
{
    public static (double Low, double High) MeanHitsInterval(IReadOnlyList<(int Hits, int Picks)> windows, double level = 0.90, int resamples = 10_000, int seed = 20250616)
    {
        if (windows.Count == 0 || windows.All(w => w.Picks == 0))
        {
            return (0, 0);
        }

        var random = new Random(seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            double total = 0;
            foreach (var (hits, picks) in windows)
            {
                for (var i = 0; i < picks; i++)
                {
                    total += random.Next(picks) < hits ? 1 : 0;
                }
            }

            means[r] = total / windows.Count;
        }

        Array.Sort(means);
        var tail = (1 - level) / 2;
        return (means[(int)Math.Floor(tail * (resamples - 1))], means[(int)Math.Ceiling((1 - tail) * (resamples - 1))]);
    }
}
