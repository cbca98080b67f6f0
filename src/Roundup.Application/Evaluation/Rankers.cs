using Roundup.Curation;
using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Ranking.Baseline;

namespace Roundup.Application.Evaluation;

/// <summary>The baselines the funnel is measured against, each a ranking of the test papers.</summary>
public static class Rankers
{
    /// <summary>A seeded shuffle: what a curator would get by chance.</summary>
    public static IReadOnlyList<ArxivId> Random(IReadOnlyList<Paper> test, int seed = 20250616)
    {
        var random = new Random(seed);
        return test.Select(p => p.Id).OrderBy(id => id).OrderBy(_ => random.Next()).ToList();
    }

    /// <summary>Counts the profile's words (criteria and favoured topics, minus disfavoured) in title and abstract.</summary>
    public static IReadOnlyList<ArxivId> Keyword(IReadOnlyList<Paper> test, CuratorProfile profile)
    {
        static HashSet<string> Words(IEnumerable<string> texts) => texts
            .SelectMany(t => t.ToLowerInvariant().Split([' ', ',', '.', ';', ':', '-', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length > 3)
            .ToHashSet(StringComparer.Ordinal);
        var good = Words(profile.Criteria.Concat(profile.FavouredTopics));
        var bad = Words(profile.DisfavouredTopics);
        good.ExceptWith(bad);
        return test
            .Select(p => (p.Id, Score: Words([p.Title, p.Title, p.Abstract]).Sum(w => good.Contains(w) ? 1 : bad.Contains(w) ? -1 : 0)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Id)
            .Select(x => x.Id).ToList();
    }

    /// <summary>arxiv-sanity's approach: tf-idf of 1–2-grams and a linear SVM trained on the same labels.</summary>
    public static IReadOnlyList<ArxivId> TfIdfSvm(IReadOnlyList<TrainingExample> train, IReadOnlyList<Paper> test)
    {
        var model = TfIdfSvmRanker.Train(train);
        return test.Select(p => (p.Id, Score: model.Score(p))).OrderByDescending(x => x.Score).ThenBy(x => x.Id).Select(x => x.Id).ToList();
    }

    /// <summary>
    /// One line: Σ over a paper's authors of log(1 + how many papers the curation history featured with that name before
    /// the window) — names matched as written, up to case and spacing, each featured paper counted once.
    /// </summary>
    public static IReadOnlyList<ArxivId> AuthorCount(IReadOnlyList<Paper> test, IReadOnlyList<FeaturedPaper> history, DateOnly before)
    {
        static string Key(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var paper in history.Where(f => f.Date < before).GroupBy(f => f.Id).Select(g => g.MaxBy(f => f.Authors.Count)!))
        {
            foreach (var name in paper.Authors.Select(Key).Distinct(StringComparer.Ordinal))
            {
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }
        }

        return test
            .Select(p => (p.Id, Score: p.Authors.Select(Key).Distinct(StringComparer.Ordinal).Sum(a => Math.Log(1 + counts.GetValueOrDefault(a)))))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Id)
            .Select(x => x.Id).ToList();
    }
}
