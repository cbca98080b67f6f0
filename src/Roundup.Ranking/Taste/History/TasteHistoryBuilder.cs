using Roundup.Curation;
using Roundup.Ranking.Taste.Authors;

namespace Roundup.Ranking.Taste.History;

/// <summary>Builds a <see cref="TasteHistory"/> from featured papers, alone or on top of another history.</summary>
public static class TasteHistoryBuilder
{
    /// <param name="featured">The papers featured, each on its day.</param>
    /// <param name="weightOf">How much one feature from a source counts (the curator's own picks weigh more).</param>
    /// <param name="embedTitles">The title embedder the memory is kept in.</param>
    /// <param name="memoryFrom">Titles featured before this day are not kept in the memory.</param>
    /// <param name="basis">A history to build on (the shipped default's), or null.</param>
    public static TasteHistory Build(
        IReadOnlyList<FeaturedPaper> featured,
        Func<FeaturedPaper, float> weightOf,
        Func<IReadOnlyList<string>, float[][]> embedTitles,
        DateOnly memoryFrom,
        TasteHistory? basis = null)
    {
        var authors = new FeatureRecordBuilder();
        var owners = new FeatureRecordBuilder();
        var papers = Merged(featured);
        foreach (var (paper, weight) in papers)
        {
            var fingerprint = PaperFingerprint.Of(paper.Id);
            var keys = paper.Authors.Select(AuthorName.Key).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            foreach (var key in keys)
            {
                authors.Add(key, paper.Date, weight, fingerprint);
            }

            foreach (var owner in CodeOwners.In(paper.Links).Concat(CodeOwners.In(paper.Abstract)).Distinct(StringComparer.Ordinal))
            {
                owners.Add(owner, paper.Date, weight, fingerprint);
            }
        }

        // Only the days the memory keeps.
        var titles = papers.Select(p => p.Paper).Where(p => p.Date >= memoryFrom && p.Title.Length > 0).ToList();
        var vectors = titles.Count == 0 ? [] : embedTitles([.. titles.Select(p => p.Title)]);
        var memory = TitleMemory.From(titles.Select((p, i) => (p.Date, PaperFingerprint.Of(p.Id), vectors[i])));
        return new TasteHistory(
            authors.Build(basis?.Authors),
            owners.Build(basis?.CodeOwners),
            basis is null ? memory : basis.Titles.Merge(memory, memoryFrom));

        // A paper featured by several sources (a day list, its upvotes, a weekly top ten) counts once: on its first
        // day, with the fullest author list and text any source gave, at the highest weight.
        List<(FeaturedPaper Paper, float Weight)> Merged(IReadOnlyList<FeaturedPaper> all) => all
            .GroupBy(p => p.Id)
            .Select(g => (Paper: g.OrderBy(p => p.Date).First() with
            {
                Title = g.Select(p => p.Title).FirstOrDefault(t => t.Length > 0) ?? "",
                Abstract = g.Select(p => p.Abstract).MaxBy(a => a.Length) ?? "",
                Authors = g.Select(p => p.Authors).MaxBy(a => a.Count) ?? [],
                Links = g.Select(p => p.Links).FirstOrDefault(r => r is not null),
            }, Weight: g.Max(weightOf)))
            .OrderBy(p => p.Paper.Date).ThenBy(p => p.Paper.Id)
            .ToList();
    }
}
