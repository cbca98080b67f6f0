using Roundup.Papers;

namespace Roundup.Selection;

/// <summary>
/// The first cut, before any scoring: papers first announced (new or cross-listed) in the curator's categories.
/// Replacements are never featured again.
/// </summary>
public static class Scope
{
    public const string StageName = "scope";

    public static IReadOnlyList<Judgement> Decide(IReadOnlyList<Paper> papers, IReadOnlyList<string> categories, IReadOnlyDictionary<ArxivId, DecisionKind> decisions)
    {
        return papers.OrderBy(p => p.Id).Select((p, i) =>
        {
            var (advanced, why) = decisions.GetValueOrDefault(p.Id) switch
            {
                _ when decisions.TryGetValue(p.Id, out var k) && k == DecisionKind.Pin => (true, "advanced: pinned by the curator"),
                _ when decisions.TryGetValue(p.Id, out var k) && k == DecisionKind.Drop => (false, "stopped: dropped by the curator"),
                _ when !p.AnnounceType.IsFirstAnnouncement() => (false, "stopped: a replacement of an earlier paper"),
                _ when p.Categories.Count == 0 => (true, "advanced: categories unknown (a listing that names none), so kept"),
                _ when categories.Count > 0 && !p.Categories.Any(c => categories.Contains(c, StringComparer.Ordinal)) =>
                    (false, $"stopped: categories {string.Join(' ', p.Categories)} are outside {string.Join(' ', categories)}"),
                _ => (true, "advanced: in scope"),
            };
            return new Judgement(StageName, p.Id, null, i + 1, advanced, why, [], []);
        }).ToList();
    }
}
