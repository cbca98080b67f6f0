using System.Text.Json;
using Roundup.Testing;

namespace Roundup.Cli.Tests;

public sealed class RunTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_main_job_on_the_benchmark_week_reports_five_complete_days()
    {
        var listings = SharedData.Require("arxiv/listings");
        var result = await RoundupCli.RunAsync(_dir.Path, "run", "--week", "2025-W26", "--source", $"file:{listings}/2025-06-2*.jsonl", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement.GetProperty("harvest");
        Assert.Equal(3030, root.GetProperty("totalPapers").GetInt32());
        Assert.True(root.GetProperty("complete").GetBoolean());
        Assert.Equal([777, 929, 496, 380, 448], root.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("papers").GetInt32()));
        Assert.Equal(0, root.GetProperty("missingDates").GetArrayLength());
        Assert.True(File.Exists(_dir.File("roundup.db")));

        // And the week's picks, each with the reasons behind it (no taste model here: rubric only).
        var picks = json.RootElement.GetProperty("selection").GetProperty("picks").EnumerateArray().ToList();
        Assert.Equal(15, picks.Count);
        Assert.All(picks, p => Assert.NotEmpty(p.GetProperty("path").EnumerateArray().SelectMany(step => step.GetProperty("reasons").EnumerateArray())));
    }

    [Fact]
    public async Task A_week_with_a_missing_listing_day_names_it_and_fails_under_strict()
    {
        var listings = SharedData.Require("arxiv/listings");
        var source = $"file:{listings}/2025-06-1*.jsonl";

        var lenient = await RoundupCli.RunAsync(_dir.Path, "harvest", "--week", "2025-W25", "--source", source);
        Assert.True(lenient.ExitCode == 0, lenient.Stderr);
        Assert.Contains("Missing listing dates (expected, no papers): 2025-06-18 Wed", lenient.Stdout, StringComparison.Ordinal);
        Assert.Contains("Complete: NO", lenient.Stdout, StringComparison.Ordinal);

        var strict = await RoundupCli.RunAsync(_dir.Path, "harvest", "--week", "2025-W25", "--source", source, "--strict");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("incomplete", strict.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Per_category_counts_follow_the_configured_categories()
    {
        var listings = SharedData.Require("arxiv/listings");
        await File.WriteAllTextAsync(_dir.File("roundup.json"), """{ "Harvest": { "Categories": ["cs.CV", "cs.RO"] } }""");
        var result = await RoundupCli.RunAsync(_dir.Path, "run", "--week", "2025-W26", "--source", $"file:{listings}/2025-06-23.jsonl");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var header = result.Stdout.Split('\n').First(l => l.StartsWith("listing date", StringComparison.Ordinal));
        Assert.Contains("cs.CV", header, StringComparison.Ordinal);
        Assert.Contains("cs.RO", header, StringComparison.Ordinal);
        Assert.DoesNotContain("cs.LG", header, StringComparison.Ordinal);
        Assert.Contains("Missing listing dates (expected, no papers): 2025-06-24 Tue, 2025-06-25 Wed, 2025-06-26 Thu, 2025-06-27 Fri", result.Stdout, StringComparison.Ordinal);
    }
}
