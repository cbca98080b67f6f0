using System.Globalization;
using Roundup.Curation;
using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Ranking.Baseline;
using Roundup.Ranking.Taste;
using Roundup.Testing;

namespace Roundup.Ranking.Tests;

/// <summary>
/// Trains on the listings of 2025-06-06..13 with the curators' picks as labels and ranks 2025-06-16..19 (days the
/// models never saw). Reports precision@20; asserts only a clear margin over the ~3.4% base rate.
/// </summary>
public sealed class RealDataTests
{
    private const int K = 20;

    [Fact]
    public void Tfidf_svm_beats_random_on_later_days()
    {
        var listings = SharedData.Require("arxiv/listings");
        var picks = ListingFiles.Picks(SharedData.Require("curation/picks_june2025_dev.tsv"));
        var train = ListingFiles.Read(listings, new DateOnly(2025, 6, 6), new DateOnly(2025, 6, 13))
            .Select(p => new TrainingExample(p.Paper, p.Date, picks.Contains(p.Paper.Id.Canonical)))
            .ToList();
        var trained = train.Select(t => t.Paper.Id).ToHashSet();
        var test = ListingFiles.Read(listings, new DateOnly(2025, 6, 16), new DateOnly(2025, 6, 19))
            .Where(p => !trained.Contains(p.Paper.Id))
            .ToList();
        var positives = test.Count(p => picks.Contains(p.Paper.Id.Canonical));
        Report($"train {train.Count} papers, {train.Count(e => e.Picked)} picks; test {test.Count} papers, {positives} picks (base rate {positives / (double)test.Count:P1})");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var svm = TfIdfSvmRanker.Train(train);
        var svmScores = test.Select(p => (p.Paper, svm.Score(p.Paper))).ToList();
        Report($"tf-idf svm ({svm.Features} features) trained and scored in {clock.Elapsed.TotalSeconds:0.0} s");

        var svmP = PrecisionAtK(svmScores, picks);
        Report($"precision@{K}: tf-idf svm {svmP:0.00} (per day {PerDay(svmScores, test, picks)})");
        Assert.True(svmP >= 0.10, $"tf-idf svm precision@{K} {svmP:0.00}");
    }

    private static double PrecisionAtK(IEnumerable<(Paper Paper, double Score)> scored, HashSet<string> picks) =>
        scored.OrderByDescending(s => s.Score).ThenBy(s => s.Paper.Id).Take(K).Count(s => picks.Contains(s.Paper.Id.Canonical)) / (double)K;

    private static string PerDay(List<(Paper Paper, double Score)> scored, List<(Paper Paper, DateOnly Date)> test, HashSet<string> picks)
    {
        var dates = test.ToDictionary(t => t.Paper.Id, t => t.Date);
        return string.Join(", ", scored.GroupBy(s => dates[s.Paper.Id]).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key:MM-dd} {PrecisionAtK(g, picks):0.00}")));
    }

    private static void Report(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}
