using Microsoft.Extensions.Logging;
using Roundup.Arxiv.Files;
using Roundup.Cli.Hosting;
using Roundup.Curation;
using Roundup.Evaluation;
using Roundup.Harvesting;
using Roundup.Papers;
using Roundup.Ranking.Embeddings;
using Roundup.Ranking.Taste;
using Roundup.Selection;
using Roundup.Storage.Sqlite;

namespace Roundup.Cli.Evaluation;

/// <summary>
/// Scores the funnel against human curators' picks on a temporal split, with the baselines in the same run:
/// listings up to the train date train the taste model (and the tf-idf baseline); the test dates are ranked by each.
/// </summary>
public sealed class EvalRun(RoundupHost host, ILogger logger)
{
    public static readonly int[] Cutoffs = [10, 20, 50];

    public async Task<EvalReport> RunAsync(IReadOnlyList<string> listings, string picksPath, string? extraPath, DateOnly trainUntil, DateOnly testFrom, DateOnly testUntil, string storePath, CancellationToken ct)
    {
        await using var store = await SqliteStore.OpenAsync(storePath, host.Time, ct);
        await new Harvester(store, host.Logs.CreateLogger<Harvester>()).RunAsync(new ListingFileSource(listings), new HarvestRequest(DateOnly.MinValue, DateOnly.MaxValue, [string.Join('|', listings)]), ct);
        var (picks, problems) = PicksFile.Read(picksPath);
        foreach (var p in problems)
        {
            logger.LogWarning("Skipped a bad line of the picks file: {Problem}", p);
        }

        var test = await store.GetPapersAnnouncedAsync(testFrom, testUntil, ct);
        testUntil = test.Count > 0 ? test.Max(p => p.Announced ?? testFrom) : testFrom;
        var testIds = test.Select(p => p.Id).ToHashSet();
        var extra = extraPath is null ? [] : FeaturedPapersFile.Read(extraPath, before: testFrom).Where(e => !testIds.Contains(e.Paper.Id)).ToList();
        var trainPicks = picks.Where(p => p.ListingDate <= trainUntil).ToList();
        var first = picks.Count > 0 ? picks.Min(p => p.ListingDate) : trainUntil;
        var train = await TrainingSet.BuildAsync(store, first, trainUntil, trainPicks, extra, logger, ct);
        var relevant = picks.Where(p => p.ListingDate >= testFrom && p.ListingDate <= testUntil).Select(p => p.Id).ToHashSet();
        var unknown = relevant.Count(id => !testIds.Contains(id)) + trainPicks.Count(p => train.All(e => e.Paper.Id != p.Id));
        relevant.IntersectWith(testIds);
        logger.LogInformation("Train: {Train} papers, {Picks} picked; test: {Test} papers, {TestPicks} picked", train.Count, train.Count(e => e.Picked), test.Count, relevant.Count);

        using var miniLm = new MiniLmEmbedder();
        var embedder = new CachingEmbedder(miniLm, store.Embeddings);
        var taste = TasteTrainer.Train(train, texts => embedder.Embed(texts, ct));
        var profile = FunnelFactory.LoadProfile(host);
        host.Options.Selection.FullText.Offline = true;   // an evaluation asks arXiv for nothing: it must be repeatable
        var funnel = FunnelFactory.Create(host, profile, store.Selection, embedder, taste, []);
        var week = $"eval {testFrom:yyyy-MM-dd}..{testUntil:yyyy-MM-dd}";
        // The human curators picked from every category in the listings: so does the funnel here.
        await funnel.RunAsync(week, test, profile, [], ct);
        var judgements = await store.Selection.GetJudgementsAsync(week, cancellationToken: ct);

        var rankings = new List<(string Name, IReadOnlyList<ArxivId> Ranking)>
        {
            ("funnel", FunnelRanking(judgements, test)),
            ("taste model alone", test.Select(p => (p.Id, S: taste.Score(p, embedder.Embed([p.Title], ct)[0], profile).Probability)).OrderByDescending(x => x.S).ThenBy(x => x.Id).Select(x => x.Id).ToList()),
            ("tf-idf + linear SVM", Rankers.TfIdfSvm(train, test)),
            ("keyword", Rankers.Keyword(test, profile)),
            ("random", Rankers.Random(test)),
        };

        return new EvalReport(
            $"train ..{trainUntil:yyyy-MM-dd}, test {testFrom:yyyy-MM-dd}..{testUntil:yyyy-MM-dd}",
            train.Count - extra.Count, train.Count(e => e.Picked) - extra.Count, extra.Count, test.Count, relevant.Count, unknown,
            rankings.Select(r => new EvalReport.RankerScores(r.Name, Metrics(r.Ranking, relevant))).ToList(),
            Leak(judgements, relevant));
    }

    /// <summary>
    /// The funnel's order: deeper stages first, then by the score at the deepest stage reached (within the picks, by
    /// relevance rather than the diversity order: the set is the funnel's answer, the order is presentation).
    /// </summary>
    public static IReadOnlyList<ArxivId> FunnelRanking(IReadOnlyList<Judgement> judgements, IReadOnlyList<Paper> test)
    {
        var order = judgements.Select(j => j.Stage).Distinct().Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        var deepest = judgements.GroupBy(j => j.Paper)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(j => order[j.Stage]).First());
        return test.Select(p => p.Id)
            .OrderByDescending(id => deepest.TryGetValue(id, out var j) ? order[j.Stage] + (j.Advanced ? 0.5 : 0) : -1)
            .ThenByDescending(id => deepest.TryGetValue(id, out var j) ? j.Score ?? 0 : 0)
            .ThenBy(id => id)
            .ToList();
    }

    private static Dictionary<string, double> Metrics(IReadOnlyList<ArxivId> ranking, HashSet<ArxivId> relevant)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var k in Cutoffs)
        {
            metrics[$"p@{k}"] = RankingMetrics.PrecisionAt(ranking, relevant, k);
        }

        foreach (var k in Cutoffs)
        {
            metrics[$"r@{k}"] = RankingMetrics.RecallAt(ranking, relevant, k);
        }

        metrics["nDCG@20"] = RankingMetrics.NdcgAt(ranking, relevant, 20);
        metrics["nDCG@50"] = RankingMetrics.NdcgAt(ranking, relevant, 50);
        return metrics;
    }

    private static List<EvalReport.StageLeak> Leak(IReadOnlyList<Judgement> judgements, HashSet<ArxivId> relevant) =>
        judgements.GroupBy(j => j.Stage).Select(g => new EvalReport.StageLeak(
            g.Key,
            g.Count(),
            g.Count(j => j.Advanced),
            g.Count(j => relevant.Contains(j.Paper)),
            g.Count(j => j.Advanced && relevant.Contains(j.Paper)))).ToList();
}
