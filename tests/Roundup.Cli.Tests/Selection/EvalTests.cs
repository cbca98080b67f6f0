using System.Text.Json;
using Roundup.Testing;

namespace Roundup.Cli.Tests.Selection;

public sealed class EvalTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Eval_on_the_june_dev_split_scores_the_funnel_and_every_baseline_in_one_run()
    {
        var listings = SharedData.Require("arxiv/listings");
        var picks = SharedData.Require("curation/picks_june2025_dev.tsv");
        var extra = SharedData.Require("curation/hf_daily_upvotes.jsonl");

        var result = await RoundupCli.RunAsync(_dir.Path,
            "eval", "--listings", $"{listings}/2025-06-0*.jsonl", $"{listings}/2025-06-1*.jsonl", "--picks", picks, "--extra-positives", extra,
            "--train-until", "2025-06-13", "--test-from", "2025-06-16", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        TestContext.Current.SendDiagnosticMessage(result.Stdout);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        Assert.Equal(2084, root.GetProperty("testPapers").GetInt32());
        Assert.Equal(71, root.GetProperty("testPicks").GetInt32());
        var p20 = root.GetProperty("rankers").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("metrics").GetProperty("p@20").GetDouble());
        Assert.Equal(["funnel", "taste model alone", "tf-idf + linear SVM", "keyword", "random"], p20.Keys);
        Assert.True(p20["funnel"] > p20["random"] && p20["funnel"] > p20["keyword"] && p20["funnel"] > p20["tf-idf + linear SVM"], result.Stdout);
        var leak = root.GetProperty("leak").EnumerateArray().ToList();
        Assert.Equal(["scope", "title", "abstract", "skim", "read", "picks"], leak.Select(l => l.GetProperty("stage").GetString()));
        Assert.All(leak.Zip(leak.Skip(1)), pair => Assert.Equal(pair.First.GetProperty("picksAdvanced").GetInt32(), pair.Second.GetProperty("picksEntered").GetInt32()));
    }

    [Fact]
    public async Task A_test_that_overlaps_training_is_refused()
    {
        await File.WriteAllTextAsync(_dir.File("x.jsonl"), "");
        var result = await RoundupCli.RunAsync(_dir.Path, "eval", "--listings", "x.jsonl", "--picks", "p.tsv", "--train-until", "2025-06-16", "--test-from", "2025-06-16");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--train-until must be before --test-from", result.Stderr, StringComparison.Ordinal);
    }
}
