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
}
