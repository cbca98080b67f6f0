using System.Globalization;
using Roundup.Papers;

namespace Roundup.Selection;

/// <summary>
/// Who advances from a stage, as a pure function: pins always, drops never, the rest by score (ties by id, so
/// reruns agree) within the budget left after the pins and at or above the floor. Every paper gets a decision in
/// words.
/// </summary>
public static class Cut
{
    public static IReadOnlyList<Judgement> Decide(string stage, IReadOnlyList<Scored> scored, int budget, double floor, IReadOnlyDictionary<ArxivId, DecisionKind> decisions)
    {
        var ranked = scored
            .OrderByDescending(s => s.Score.HasValue)
            .ThenByDescending(s => s.Score ?? 0)
            .ThenBy(s => s.Paper)
            .ToList();
        var pins = ranked.Count(s => Decision(decisions, s.Paper) == DecisionKind.Pin);
        var room = Math.Max(0, budget - pins);
        var judgements = new List<Judgement>(ranked.Count);
        var taken = 0;
        for (var i = 0; i < ranked.Count; i++)
        {
            var s = ranked[i];
            var rank = i + 1;
            var (advanced, why) = Decision(decisions, s.Paper) switch
            {
                DecisionKind.Pin => (true, "advanced: pinned by the curator"),
                DecisionKind.Drop => (false, "stopped: dropped by the curator"),
                _ when s.Score is null => (false, $"stopped: unscored ({s.Unscored ?? "no scorer could score it"})"),
                _ when s.Score < floor => (false, F($"stopped: score {s.Score:0.000} is below the floor {floor:0.000}")),
                _ when taken >= room => (false, F($"stopped: rank {rank} of {ranked.Count} is beyond the budget of {budget}")),
                _ => (true, F($"advanced: rank {rank} of {ranked.Count}, score {s.Score:0.000}, within the budget of {budget}")),
            };
            if (advanced && Decision(decisions, s.Paper) is null)
            {
                taken++;
            }

            judgements.Add(new Judgement(stage, s.Paper, s.Score, rank, advanced, why, s.Contributions, s.ScorerIds));
        }

        return judgements;
    }

    private static DecisionKind? Decision(IReadOnlyDictionary<ArxivId, DecisionKind> decisions, ArxivId paper) =>
        decisions.TryGetValue(paper, out var kind) ? kind : null;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
