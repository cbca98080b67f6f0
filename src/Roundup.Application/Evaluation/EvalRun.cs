using Roundup.Application.Reading;
using Microsoft.Extensions.Logging;
using Roundup.Arxiv.Files;
using Roundup.Application.Hosting;
using Roundup.Application.Selecting;
using Roundup.Application.Writing;
using Roundup.Application.Learning;
using Roundup.Curation;
using Roundup.Evaluation;
using Roundup.Harvesting;
using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Ranking.Embeddings;
using Roundup.Ranking.Taste;
using Roundup.Ranking.Taste.Model;
using Roundup.Ranking.Taste.Signals;
using Roundup.Ranking.Taste.Text;
using Roundup.Ranking.Taste.Training;
using Roundup.Selection;
using Roundup.Storage;

namespace Roundup.Application.Evaluation;

/// <summary>
/// Scores selection against human curators' picks, window by window, each model trained only on what is dated before
/// its window: the funnel after <c>roundup learn</c>, the default recipe a new user gets, the no-reputation and
/// profile-only modes, and the baselines, all in the same run.
/// </summary>
public sealed class EvalRun(RoundupHost host, ILogger logger)
{
    public static readonly int[] Cutoffs = [10, 20, 50];

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["funnel"] = "the funnel after roundup learn --picks (and --extra-positives), on top of the default recipe",
        ["default taste"] = "the funnel in an empty folder: the default recipe, trained on curation history and listings",
        ["no reputation"] = "the default taste with Selection:Reputation = false (no authors' or code owners' record)",
        ["profile only"] = "Selection:Taste = profile: the profile's criteria, topics and exemplars, and the rubric",
        ["default − content"] = "ablation: the default recipe without the content signals (nearest past picks, topic cues)",
        ["default − metadata"] = "ablation: the default recipe without the listing's metadata signals",
        ["default − title score"] = "ablation: the default recipe without the learned score of the title's embedding",
        ["default, tf-idf score"] = "ablation: the default recipe with arxiv-sanity's tf-idf + SVM score of title and abstract instead",
        ["taste model alone"] = "ablation: the learned model's abstract-level score, no funnel",
        ["logistic alone"] = "ablation: the default recipe without the title score, its logistic regression ranking every paper, no funnel",
        ["LambdaMART alone"] = "ablation: FastTree's LambdaMART on the same signals and rows, graded (top ten > upvoted > day list), grouped by day, no funnel",
        ["author-count baseline"] = "Σ over authors of log(1 + times featured in the history before the window)",
        ["tf-idf + linear SVM"] = "arxiv-sanity: tf-idf of title and abstract, linear SVM on the picks and extra positives",
        ["keyword"] = "the profile's words counted in title and abstract",
        ["random"] = "a seeded shuffle",
    };

    public async Task<EvalReport> RunAsync(EvalInputs inputs, CancellationToken ct)
    {
        await using var store = await StoreFactory.OpenAsync(new StoreOptions { Path = inputs.StorePath }, host.Time, ct);
        await new Harvester(store.Harvest, host.Logs.CreateLogger<Harvester>()).RunAsync(new ListingFileSource(inputs.Listings), new HarvestRequest(DateOnly.MinValue, DateOnly.MaxValue, [string.Join('|', inputs.Listings)]), ct);
        var (picks, problems) = PicksFile.Read(inputs.Picks);
        foreach (var p in problems)
        {
            logger.LogWarning("Skipped a bad line of the picks file: {Problem}", p);
        }

        var listed = await store.Papers.GetPapersAnnouncedAsync(DateOnly.MinValue, DateOnly.MaxValue, ct);
        var history = TasteInputs.History(inputs.History, logger);
        var extra = TasteInputs.History(inputs.ExtraPositives, logger);
        var lastListed = listed.Count == 0 ? DateOnly.MinValue : listed.Max(p => p.Announced!.Value);
        var windows = inputs.Window is { } w ? [(w.From, w.Until < lastListed ? w.Until : lastListed)] : EvalWindows.Rolling([.. listed.Select(p => p.Announced!.Value).Distinct()], picks);
        if (windows.Count == 0)
        {
            throw new UsageException("no test window: the listings need a week with human picks and picks listed before it");
        }

        using var miniLm = new MiniLmEmbedder();
        var context = new Context(store, new CachingEmbedder(miniLm, store.Embeddings), host.Profile, host.OfflineFullText(), listed, picks, history, extra, inputs);
        var results = new List<EvalReport.Window>();
        foreach (var (from, until) in windows)
        {
            results.Add(await WindowAsync(context, from, until, ct));
        }

        var rows = results[0].Rows.Select(r => r.Row).ToList();
        var summaries = rows.Select(row =>
        {
            var perWindow = results.Select(x => (x.Rows.First(r => r.Row == row).Hits, context.Profile.Picks)).ToList();
            var (low, high) = Bootstrap.MeanHitsInterval(perWindow);
            return new EvalReport.RowSummary(row, Descriptions[row], perWindow.Average(x => x.Hits), low, high);
        }).ToList();
        return new EvalReport(context.Profile.Picks, results, summaries);
    }

    private async Task<EvalReport.Window> WindowAsync(Context c, DateOnly from, DateOnly until, CancellationToken ct)
    {
        var label = $"{from:yyyy-MM-dd}..{until:yyyy-MM-dd}";
        var test = c.Listed.Where(p => p.Announced >= from && p.Announced <= until).ToList();
        var testIds = test.Select(p => p.Id).ToHashSet();
        var windowPicks = c.Picks.Where(p => p.ListingDate >= from && p.ListingDate <= until).Select(p => p.Id).ToHashSet();
        var relevant = windowPicks.Where(testIds.Contains).ToHashSet();
        var before = c.Inputs.TrainUntil ?? from.AddDays(-1);
        var earlier = c.Listed.Where(p => p.Announced <= before).ToList();
        var sources = new[] { Path.GetFileName(c.Inputs.Picks) }.Concat(c.Inputs.History.Concat(c.Inputs.ExtraPositives).Select(Path.GetFileName).OfType<string>()).ToList();

        // What a new user gets: the default recipe, on the history and listings before the window.
        var recipe = TasteSets.FromHistory(earlier, c.History, before, sources);
        if (recipe.Rows.All(r => r.Picked) || !recipe.Rows.Any(r => r.Picked))
        {
            throw new UsageException($"window {label}: the default recipe needs papers listed before it that the history featured and papers it did not ({recipe.Rows.Count(r => r.Picked)} of {recipe.Rows.Count} featured): give the curation history of those days with --history");
        }

        var defaultTaste = TasteTrainer.Train(recipe, c.Embedder, new TasteSettings(), "default", cancellationToken: ct);
        // What a curator gets after roundup learn --picks --extra-positives, on top of it.
        var firstPick = c.Picks.Where(p => p.ListingDate <= before).Select(p => p.ListingDate).DefaultIfEmpty(before).Min();
        var (learnSet, unknown) = TasteSets.FromPicks(earlier, c.Picks, [], c.Extra, firstPick, before, sources);
        var learned = TasteTrainer.Train(learnSet, c.Embedder, new TasteSettings(), "learned", defaultTaste, cancellationToken: ct);
        logger.LogInformation("Window {Window}: {Test} papers, {Picks} picked; the default recipe learned from {Rows} papers ({RecipePicks} featured) and {Featured} featured papers; learn from {LearnRows} papers ({LearnPicks} picked)",
            label, test.Count, relevant.Count, recipe.Rows.Count, recipe.Rows.Count(r => r.Picked), defaultTaste.Info.Featured, learnSet.Rows.Count, learnSet.Rows.Count(r => r.Picked));

        var rows = new List<EvalReport.RowResult>
        {
            await FunnelRowAsync(c, "funnel", (from, until), new TasteChoice(learned, true, false), test, relevant, ct),
            await FunnelRowAsync(c, "default taste", (from, until), new TasteChoice(defaultTaste, true, false), test, relevant, ct),
            await FunnelRowAsync(c, "no reputation", (from, until), new TasteChoice(defaultTaste, false, false), test, relevant, ct),
            await FunnelRowAsync(c, "profile only", (from, until), TasteChoice.ProfileAlone(true), test, relevant, ct),
        };
        if (c.Inputs.Ablation)
        {
            foreach (var (name, group) in new[] { ("default − content", SignalGroup.Content), ("default − metadata", SignalGroup.Metadata) })
            {
                var ablated = TasteTrainer.Train(recipe, c.Embedder, new TasteSettings(), "default", off: [group], cancellationToken: ct);
                rows.Add(await FunnelRowAsync(c, name, (from, until), new TasteChoice(ablated, true, false), test, relevant, ct));
            }

            TasteModel? plain = null;
            foreach (var (name, kind) in new[] { ("default − title score", TextScoreKind.None), ("default, tf-idf score", TextScoreKind.TfIdf) })
            {
                var withText = TasteTrainer.Train(recipe, c.Embedder, new TasteSettings { TextScore = kind }, "default", cancellationToken: ct);
                plain ??= withText;
                rows.Add(await FunnelRowAsync(c, name, (from, until), new TasteChoice(withText, true, false), test, relevant, ct));
            }

            rows.AddRange(CompareRankers(c, recipe, plain!, test, relevant, before, ct));

            var scorer = new TasteScorer(learned, c.Embedder, Evidence.Abstract);
            var scores = await scorer.ScoreAsync(test, c.Profile, ct);
            rows.Add(RankingRow("taste model alone", scores.OrderByDescending(s => s.Score).ThenBy(s => s.Paper).Select(s => s.Paper).ToList(), relevant, c.Profile.Picks));
        }

        var svmTrain = learnSet.Rows.Concat(c.Extra.Where(f => f.Date <= before && !testIds.Contains(f.Id)).DistinctBy(f => f.Id).Select(f => new TrainingExample(f.ToPaper(), f.Date, true))).ToList();
        rows.Add(RankingRow("author-count baseline", Rankers.AuthorCount(test, c.History, before.AddDays(1)), relevant, c.Profile.Picks));
        rows.Add(RankingRow("tf-idf + linear SVM", Rankers.TfIdfSvm(svmTrain, test), relevant, c.Profile.Picks));
        rows.Add(RankingRow("keyword", Rankers.Keyword(test, c.Profile), relevant, c.Profile.Picks));
        rows.Add(RankingRow("random", Rankers.Random(test), relevant, c.Profile.Picks));
        return new EvalReport.Window(label, from, until, test.Count, relevant.Count, learnSet.Rows.Count, learnSet.Rows.Count(r => r.Picked),
            defaultTaste.Info.Featured, unknown + windowPicks.Count - relevant.Count, rows);
    }

    /// <summary>The logistic regression and LambdaMART on the same signals and rows (no text score), each ranking every test paper.</summary>
    private static IEnumerable<EvalReport.RowResult> CompareRankers(Context c, TasteTrainingSet recipe, TasteModel plain, IReadOnlyList<Paper> test, HashSet<ArxivId> relevant, DateOnly before, CancellationToken ct)
    {
        var grade = c.History.Where(f => f.Date <= before).GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.Max(f => f.Source.StartsWith("dair", StringComparison.Ordinal) ? 3 : f.Source.Contains("upvote", StringComparison.Ordinal) ? 2 : 1));
        var signals = TasteSignals.For(TasteLevel.Abstract, []);
        var trainReadings = TasteTrainer.Read([.. recipe.Rows.Select(r => r.Paper)], plain, c.Embedder, ct);
        var testReadings = TasteTrainer.Read(test, plain, c.Embedder, ct);
        var ranker = GradedRanker.Train(signals, trainReadings, [.. recipe.Rows.Select(r => r.Picked ? grade.GetValueOrDefault(r.Paper.Id, 1) : 0)], [.. recipe.Rows.Select(r => r.Date)], 42);
        var combiner = plain.CombinerFor(TasteLevel.Abstract, reputation: true);
        var margins = testReadings.Select(r => combiner.Margin([.. combiner.Signals.Select(n => TasteSignals.Named(n).Read(r))])).ToList();
        IReadOnlyList<ArxivId> Order(IReadOnlyList<double> scores) => [.. test.Select((p, i) => (p.Id, S: scores[i])).OrderByDescending(x => x.S).ThenBy(x => x.Id).Select(x => x.Id)];
        yield return RankingRow("logistic alone", Order(margins), relevant, c.Profile.Picks);
        yield return RankingRow("LambdaMART alone", Order(ranker(testReadings)), relevant, c.Profile.Picks);
    }

    private async Task<EvalReport.RowResult> FunnelRowAsync(Context c, string row, (DateOnly From, DateOnly Until) window, TasteChoice taste, IReadOnlyList<Paper> test, HashSet<ArxivId> relevant, CancellationToken ct)
    {
        var week = SelectionKey.ForEvaluation(window.From, window.Until, row);
        var funnel = FunnelFactory.Create(host, c.Profile, c.Store.Selection, c.Embedder, taste, [], c.FullText);
        // The human curators picked from every category in the listings: so does the funnel here.
        var result = await funnel.RunAsync(week, test, c.Profile, [], ct);
        var judgements = await c.Store.Selection.GetJudgementsAsync(week, cancellationToken: ct);
        var picks = result.Picks.Select(p => p.Paper.Id).ToList();
        return new EvalReport.RowResult(row, picks.Count(relevant.Contains), Metrics(FunnelRanking(judgements, test), relevant), Leak(judgements, relevant));
    }

    private static EvalReport.RowResult RankingRow(string row, IReadOnlyList<ArxivId> ranking, HashSet<ArxivId> relevant, int picks) =>
        new(row, ranking.Take(picks).Count(relevant.Contains), Metrics(ranking, relevant), null);

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

        metrics["r@50"] = RankingMetrics.RecallAt(ranking, relevant, 50);
        metrics["r@35%"] = RankingMetrics.RecallAt(ranking, relevant, (int)Math.Ceiling(0.35 * ranking.Count));
        metrics["nDCG@20"] = RankingMetrics.NdcgAt(ranking, relevant, 20);
        metrics["AP"] = RankingMetrics.AveragePrecision(ranking, relevant);
        return metrics;
    }

    private static List<EvalReport.StageLeak> Leak(IReadOnlyList<Judgement> judgements, HashSet<ArxivId> relevant) =>
        judgements.GroupBy(j => j.Stage).Select(g => new EvalReport.StageLeak(
            g.Key,
            g.Count(),
            g.Count(j => j.Advanced),
            g.Count(j => relevant.Contains(j.Paper)),
            g.Count(j => j.Advanced && relevant.Contains(j.Paper)))).ToList();

    private sealed record Context(
        IRoundupStore Store,
        IEmbedder Embedder,
        CuratorProfile Profile,
        PaperFullText FullText,
        IReadOnlyList<Paper> Listed,
        IReadOnlyList<CuratedPick> Picks,
        IReadOnlyList<FeaturedPaper> History,
        IReadOnlyList<FeaturedPaper> Extra,
        EvalInputs Inputs);
}
