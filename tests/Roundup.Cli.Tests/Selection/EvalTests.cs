using System.Text.Json;
using Roundup.Testing;

namespace Roundup.Cli.Tests.Selection;

public sealed class EvalTests : IDisposable
{
    private static readonly string[] Rows = ["funnel", "default taste", "no reputation", "profile only", "author-count baseline", "tf-idf + linear SVM", "keyword", "random"];
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Rolling_eval_on_the_june_dev_days_scores_every_row_in_every_window_trained_only_before_it()
    {
        var listings = SharedData.Require("arxiv/listings");
        var curation = SharedData.Require("curation");

        var result = await RoundupCli.RunAsync(_dir.Path, null, TimeSpan.FromMinutes(25),
            "eval", "--listings", $"{listings}/2025-06-0*.jsonl", $"{listings}/2025-06-1*.jsonl", "--picks", $"{curation}/picks_june2025_dev.tsv",
            "--history", $"{curation}/hf_daily_upvotes.jsonl", $"{curation}/hf_daily_lists.jsonl", $"{curation}/dair_top10_weekly.jsonl",
            "--extra-positives", $"{curation}/hf_daily_upvotes.jsonl", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        TestContext.Current.SendDiagnosticMessage(result.Stdout);
        using var doc = JsonDocument.Parse(result.Stdout);
        var windows = doc.RootElement.GetProperty("windows").EnumerateArray().ToList();
        // 2025-06-06 is the first listing day: nothing is dated before it, so its week is not a test window.
        Assert.Equal(["2025-06-09..2025-06-13", "2025-06-16..2025-06-19"], windows.Select(w => w.GetProperty("label").GetString()));
        Assert.Equal([2160, 2084], windows.Select(w => w.GetProperty("testPapers").GetInt32()));
        Assert.Equal([106, 71], windows.Select(w => w.GetProperty("testPicks").GetInt32()));
        Assert.Equal([625, 2785], windows.Select(w => w.GetProperty("trainPapers").GetInt32()));
        foreach (var window in windows)
        {
            var rows = window.GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(Rows, rows.Select(r => r.GetProperty("row").GetString()));
            Assert.All(rows, r => Assert.InRange(r.GetProperty("hits").GetInt32(), 0, 15));
            foreach (var funnelRow in rows.Take(4))
            {
                var leak = funnelRow.GetProperty("leak").EnumerateArray().ToList();
                Assert.Equal(["scope", "title", "abstract", "skim", "read", "picks"], leak.Select(l => l.GetProperty("stage").GetString()));
                Assert.All(leak.Zip(leak.Skip(1)), pair => Assert.Equal(pair.First.GetProperty("picksAdvanced").GetInt32(), pair.Second.GetProperty("picksEntered").GetInt32()));
                var title = leak[1];
                Assert.True(title.GetProperty("advanced").GetInt32() <= Math.Ceiling(0.35 * title.GetProperty("entered").GetInt32()));
            }
        }

        var summary = doc.RootElement.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetString()!);
        Assert.Equal(Rows, summary.Keys);
        Assert.All(summary.Values, r => Assert.InRange(r.GetProperty("meanHits").GetDouble(), r.GetProperty("low").GetDouble(), r.GetProperty("high").GetDouble()));
        double Mean(string row) => summary[row].GetProperty("meanHits").GetDouble();
        Assert.True(Mean("funnel") >= Mean("author-count baseline") && Mean("funnel") > Mean("tf-idf + linear SVM") && Mean("funnel") > Mean("keyword") && Mean("funnel") > Mean("random"), result.Stdout);
        Assert.True(Mean("default taste") > Mean("profile only"), result.Stdout);
    }

    [Fact]
    public async Task A_test_that_overlaps_training_is_refused()
    {
        await File.WriteAllTextAsync(_dir.File("x.jsonl"), "");
        var result = await RoundupCli.RunAsync(_dir.Path, "eval", "--listings", "x.jsonl", "--picks", "p.tsv", "--history", "x.jsonl", "--train-until", "2025-06-16", "--test-from", "2025-06-16");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--train-until must be before --test-from", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_needs_the_curation_history_the_default_recipe_learns_from()
    {
        await File.WriteAllTextAsync(_dir.File("x.jsonl"), "");
        var result = await RoundupCli.RunAsync(_dir.Path, "eval", "--listings", "x.jsonl", "--picks", "p.tsv");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--history", result.Stderr, StringComparison.Ordinal);
    }
}
