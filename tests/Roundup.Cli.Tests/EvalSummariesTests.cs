using System.Text.Json;
using Roundup.Testing;

namespace Roundup.Cli.Tests;

public sealed class EvalSummariesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task On_scitldr_dev_it_scores_the_offline_writer_the_baselines_and_the_oracle_in_one_run()
    {
        var folder = SharedData.Require("summaries/scitldr");

        var result = await RoundupCli.RunAsync(_dir.Path, "eval-summaries", "--scitldr", folder, "--split", "dev", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        TestContext.Current.SendDiagnosticMessage(result.Stdout);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        Assert.Equal(619, root.GetProperty("papers").GetInt32());
        var rouge1 = root.GetProperty("rankers").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("rouge1").GetDouble());
        Assert.Equal(["offline writer", "trained scorer, uncleaned", "first sentence", "centrality", "oracle sentence"], rouge1.Keys);
        Assert.True(rouge1["offline writer"] > rouge1["first sentence"] && rouge1["oracle sentence"] > rouge1["offline writer"], result.Stdout);
        Assert.Equal(43.8, root.GetProperty("reference").GetProperty("rouge1").GetDouble());
        Assert.True(root.GetProperty("target").GetProperty("met").GetBoolean(), result.Stdout);
    }

    [Fact]
    public async Task The_table_names_the_split_the_reference_point_and_the_target()
    {
        var folder = SharedData.Require("summaries/scitldr");

        var result = await RoundupCli.RunAsync(_dir.Path, "eval-summaries", "--scitldr", folder, "--split", "dev");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("TL;DR quality on SciTLDR dev: 619 papers", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("CATTS (Cachola et al., 2020)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("target: offline writer ROUGE-1 >= 38.00 and above the first sentence: met", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_or_a_bad_split_is_a_usage_error()
    {
        var missing = await RoundupCli.RunAsync(_dir.Path, "eval-summaries", "--scitldr", "no-such-dir");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--scitldr no-such-dir: no such folder", missing.Stderr, StringComparison.Ordinal);

        var badSplit = await RoundupCli.RunAsync(_dir.Path, "eval-summaries", "--scitldr", _dir.Path, "--split", "train");
        Assert.Equal(2, badSplit.ExitCode);

        var noFile = await RoundupCli.RunAsync(_dir.Path, "eval-summaries", "--scitldr", _dir.Path, "--split", "dev");
        Assert.Equal(1, noFile.ExitCode);
        Assert.Contains("SciTLDR-A_dev.jsonl: no such file", noFile.Stderr, StringComparison.Ordinal);
    }
    [Fact]
    public async Task Dair_entries_are_scored_against_the_offline_writer_with_the_counts_in_json()
    {
        var dair = _dir.File("dair.jsonl");
        File.WriteAllLines(dair,
        [
            """{"week_start": "2025-01-06", "rank": 1, "arxiv_id": "2501.00002", "entry_text": "**Dog** - a dog ran 10x as far"}""",
            """{"week_start": "2025-01-06", "rank": 2, "arxiv_id": "2501.00003", "entry_text": "Other  not in the abstracts"}""",
            """{"week_start": "2025-01-06", "rank": 3, "arxiv_id": null, "entry_text": "a blog post"}""",
        ]);
        var abstracts = _dir.File("2025-01-06.jsonl");
        File.WriteAllText(abstracts, """{"arxiv_id": "2501.00002", "listing_date": "2025-01-06", "title": "Dogs", "abstract": "The cat sat. A dog ran 10× as far. It won 3 of 5 big bet."}""" + "\n");

        var result = await RoundupCli.RunAsync(_dir.Path, "eval-summaries", "--dair", dair, "--abstracts", _dir.File("2025-*.jsonl"), "--format", "json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        Assert.Equal((3, 1, 2, 1, 1), (root.GetProperty("lines").GetInt32(), root.GetProperty("notOnArxiv").GetInt32(), root.GetProperty("entries").GetInt32(), root.GetProperty("matched").GetInt32(), root.GetProperty("headingsRemoved").GetInt32()));
        var rows = root.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("rouge1").GetDouble());
        Assert.Equal(["offline writer", "offline TL;DR alone", "first sentence", "first 2 sentences", "first 3 sentences", "whole abstract", "oracle sentence", "greedy oracle"], rows.Keys);
        Assert.Equal((0.0, 83.33), (rows["first sentence"], rows["greedy oracle"]));
    }

    [Fact]
    public async Task On_the_shared_dair_file_166_entries_match_an_abstract()
    {
        var dair = SharedData.Require("curation/dair_top10_weekly.jsonl");
        var listings = Path.Combine(SharedData.Require("arxiv/listings"), "*.jsonl");
        var upvotes = SharedData.Require("curation/hf_daily_upvotes.jsonl");

        var result = await RoundupCli.RunAsync(_dir.Path, "eval-summaries", "--dair", dair, "--abstracts", listings, upvotes);

        Assert.True(result.ExitCode == 0, result.Stderr);
        TestContext.Current.SendDiagnosticMessage(result.Stdout);
        Assert.Contains("1290 lines, 197 not on arXiv, 1093 on arXiv", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("matched with an abstract: 166 entries (166 papers)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("removed before scoring: 166 of 166", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("greedy oracle", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dair_options_used_wrongly_are_usage_errors()
    {
        var dair = _dir.File("dair.jsonl");
        File.WriteAllText(dair, "");

        var neither = await RoundupCli.RunAsync(_dir.Path, "eval-summaries");
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("needs --scitldr FOLDER or --dair FILE --abstracts FILES", neither.Stderr, StringComparison.Ordinal);

        var noAbstracts = await RoundupCli.RunAsync(_dir.Path, "eval-summaries", "--dair", dair);
        Assert.Equal(2, noAbstracts.ExitCode);
        Assert.Contains("--dair needs --abstracts", noAbstracts.Stderr, StringComparison.Ordinal);

        var both = await RoundupCli.RunAsync(_dir.Path, "eval-summaries", "--dair", dair, "--abstracts", dair, "--split", "dev");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("--dair runs on its own", both.Stderr, StringComparison.Ordinal);

        var missing = await RoundupCli.RunAsync(_dir.Path, "eval-summaries", "--dair", "no-such.jsonl", "--abstracts", dair);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--dair no-such.jsonl: no such file", missing.Stderr, StringComparison.Ordinal);

        var noAbstractFile = await RoundupCli.RunAsync(_dir.Path, "eval-summaries", "--dair", dair, "--abstracts", "none-*.jsonl");
        Assert.Equal(2, noAbstractFile.ExitCode);
    }
}
