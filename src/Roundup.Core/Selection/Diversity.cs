using System.Globalization;
using Roundup.Papers;

namespace Roundup.Selection;

/// <summary>
/// The final picks by maximal marginal relevance over embeddings: each next pick maximises
/// relevance·λ − (1−λ)·(similarity to the closest paper already picked). A near-duplicate of a pick is never picked.
/// Pins are picked first.
/// </summary>
public static class Diversity
{
    public const string StageName = "picks";

    public static IReadOnlyList<Judgement> Pick(
        IReadOnlyList<(Paper Paper, double Relevance)> finalists,
        IReadOnlyDictionary<ArxivId, float[]> vectors,
        PicksOptions options,
        IReadOnlyDictionary<ArxivId, DecisionKind> decisions)
    {
        var picked = new List<(Paper Paper, double Relevance, string Why)>();
        var rest = finalists.Where(f => !decisions.TryGetValue(f.Paper.Id, out var k) || k != DecisionKind.Drop).OrderByDescending(f => f.Relevance).ThenBy(f => f.Paper.Id).ToList();
        foreach (var pin in rest.Where(f => decisions.TryGetValue(f.Paper.Id, out var k) && k == DecisionKind.Pin).ToList())
        {
            picked.Add((pin.Paper, pin.Relevance, "picked: pinned by the curator"));
            rest.Remove(pin);
        }

        var stopped = new Dictionary<ArxivId, string>();
        while (picked.Count < options.Count && rest.Count > 0)
        {
            var best = rest
                .Select(f => (f.Paper, f.Relevance, Closest: Closest(f.Paper, picked.Select(p => p.Paper), vectors)))
                .Select(c => (c.Paper, c.Relevance, c.Closest, Mmr: (options.Relevance * c.Relevance) - ((1 - options.Relevance) * c.Closest.Similarity)))
                .OrderByDescending(c => c.Mmr)
                .ThenBy(c => c.Paper.Id)
                .First();
            rest.RemoveAll(f => f.Paper.Id == best.Paper.Id);
            var why = best.Closest.Paper is null
                ? F($"picked: the most relevant finalist ({best.Relevance:0.000})")
                : F($"picked: relevance {best.Relevance:0.000}, diversity-adjusted {best.Mmr:0.000}; closest pick {best.Closest.Paper} at similarity {best.Closest.Similarity:0.00}");
            picked.Add((best.Paper, best.Relevance, why));

            // What is nearly the same paper as this pick is out, however relevant.
            foreach (var twin in rest.Where(f => Closest(f.Paper, [best.Paper], vectors).Similarity >= options.NearDuplicate).ToList())
            {
                stopped[twin.Paper.Id] = F($"stopped: a near-duplicate of the pick {best.Paper.Id} (similarity {Closest(twin.Paper, [best.Paper], vectors).Similarity:0.00})");
                rest.Remove(twin);
            }
        }

        var judgements = picked.Select((p, i) => new Judgement(StageName, p.Paper.Id, p.Relevance, i + 1, true, p.Why, [], [])).ToList();
        var rank = judgements.Count;
        foreach (var f in finalists.Where(f => picked.All(p => p.Paper.Id != f.Paper.Id)).OrderByDescending(f => f.Relevance).ThenBy(f => f.Paper.Id))
        {
            var why = stopped.GetValueOrDefault(f.Paper.Id)
                ?? (decisions.TryGetValue(f.Paper.Id, out var k) && k == DecisionKind.Drop ? "stopped: dropped by the curator" : F($"stopped: the issue is full ({options.Count} picks)"));
            judgements.Add(new Judgement(StageName, f.Paper.Id, f.Relevance, ++rank, false, why, [], []));
        }

        return judgements;
    }

    private static (ArxivId? Paper, double Similarity) Closest(Paper paper, IEnumerable<Paper> picked, IReadOnlyDictionary<ArxivId, float[]> vectors)
    {
        if (!vectors.TryGetValue(paper.Id, out var v))
        {
            return (null, 0);
        }

        (ArxivId? Paper, double Similarity) closest = (null, 0);
        foreach (var p in picked)
        {
            if (vectors.TryGetValue(p.Id, out var w))
            {
                var similarity = Dot(v, w);
                if (closest.Paper is null || similarity > closest.Similarity)
                {
                    closest = (p.Id, similarity);
                }
            }
        }

        return closest;
    }

    private static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
