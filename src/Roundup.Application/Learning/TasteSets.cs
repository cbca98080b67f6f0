using Roundup.Curation;
using Roundup.Papers;
using Roundup.Ranking.Taste.Training;
using Roundup.Selection;

namespace Roundup.Application.Learning;

/// <summary>The training sets of the two ways a taste is made: the default recipe from public curation history, and a curator's own picks.</summary>
public static class TasteSets
{
    /// <summary>
    /// The default recipe: every paper listed up to <paramref name="until"/>, a pick when the curation history featured
    /// it by then; the history up to then behind the track records and the title memory.
    /// </summary>
    public static TasteTrainingSet FromHistory(IReadOnlyList<Paper> listed, IReadOnlyList<FeaturedPaper> history, DateOnly until, IReadOnlyList<string> sources)
    {
        var featured = Enrich(history.Where(f => f.Date <= until).ToList(), listed);
        var picked = featured.Select(f => f.Id).ToHashSet();
        var rows = listed.Where(p => p.Announced is { } d && d <= until)
            .Select(p => new TrainingExample(p, p.Announced!.Value, picked.Contains(p.Id)))
            .ToList();
        return new TasteTrainingSet(rows, featured, sources);
    }

    /// <summary>
    /// A curator's: the papers listed from their first pick to <paramref name="last"/>, picked when the picks file names
    /// them or the curator pinned them, not when dropped; their picks and pins join the history as their own, beside
    /// the other curators' papers in <paramref name="extra"/>. Picks naming papers not listed are counted in <c>Unknown</c>.
    /// </summary>
    public static (TasteTrainingSet Set, int Unknown) FromPicks(
        IReadOnlyList<Paper> listed,
        IReadOnlyCollection<CuratedPick> picks,
        IReadOnlyList<CuratorDecision> decisions,
        IReadOnlyList<FeaturedPaper> extra,
        DateOnly first,
        DateOnly last,
        IReadOnlyList<string> sources)
    {
        var decided = decisions.GroupBy(d => d.Paper).ToDictionary(g => g.Key, g => g.Last().Kind);
        var picked = picks.Where(p => p.ListingDate >= first && p.ListingDate <= last).Select(p => p.Id).ToHashSet();
        var window = listed.Where(p => p.Announced is { } d && d >= first && d <= last).ToList();
        var rows = window
            .Select(p => new TrainingExample(p, p.Announced!.Value, decided.TryGetValue(p.Id, out var kind) ? kind == DecisionKind.Pin : picked.Contains(p.Id)))
            .ToList();
        var known = window.Select(p => p.Id).ToHashSet();
        var unknown = picked.Count(id => !known.Contains(id));
        var own = rows.Where(r => r.Picked)
            .Select(r => new FeaturedPaper(r.Paper.Id, r.Date, r.Paper.Title, r.Paper.Abstract, r.Paper.Authors, TasteTrainingSet.CuratorSource, 0, r.Paper.Comment))
            .ToList();
        var featured = own.Concat(Enrich(extra.Where(f => f.Date <= last).ToList(), listed)).ToList();
        return (new TasteTrainingSet(rows, featured, sources), unknown);
    }

    /// <summary>Featured papers that came without a title or authors (a weekly top ten names only ids) take them from the listings.</summary>
    public static List<FeaturedPaper> Enrich(IReadOnlyList<FeaturedPaper> featured, IReadOnlyList<Paper> listed)
    {
        var byId = listed.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());
        return featured.Select(f => (f.Title.Length > 0 && f.Authors.Count > 1) || !byId.TryGetValue(f.Id, out var p)
            ? f
            : f with
            {
                Title = f.Title.Length > 0 ? f.Title : p.Title,
                Abstract = f.Abstract.Length > 0 ? f.Abstract : p.Abstract,
                Authors = f.Authors.Count > p.Authors.Count ? f.Authors : p.Authors,
                Links = f.Links ?? p.Comment,
            }).ToList();
    }
}
