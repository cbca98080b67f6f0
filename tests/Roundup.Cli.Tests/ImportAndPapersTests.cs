using System.Text.Json;
using Roundup.Testing;

namespace Roundup.Cli.Tests;

public sealed class ImportAndPapersTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Importing_the_13_june_listings_gives_7899_papers_and_importing_again_changes_nothing()
    {
        var listings = SharedData.Require("arxiv/listings");
        var files = Directory.GetFiles(listings, "*.jsonl").Order().ToArray();
        Assert.Equal(13, files.Length);

        var first = await RoundupCli.RunAsync(_dir.Path, ["import", .. files]);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("7,899 lines read = 7,899 new papers + 0 already stored or repeated + 0 refused; 7,899 papers stored", first.Stdout, StringComparison.Ordinal);

        var week = await RoundupCli.RunAsync(_dir.Path, "papers", "--week", "2025-W26", "--format", "json");
        Assert.True(week.ExitCode == 0, week.Stderr);

        var second = await RoundupCli.RunAsync(_dir.Path, ["import", Path.Combine(listings, "*.jsonl")]);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains("7,899 lines read = 0 new papers + 7,899 already stored or repeated + 0 refused; 7,899 papers stored", second.Stdout, StringComparison.Ordinal);

        var again = await RoundupCli.RunAsync(_dir.Path, "papers", "--week", "2025-W26", "--format", "json");
        Assert.Equal(week.Stdout, again.Stdout);

        using var json = JsonDocument.Parse(week.Stdout);
        var papers = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(3030, papers.Count);
        Assert.Equal(3030, papers.Select(p => p.GetProperty("id").GetString()).Distinct().Count());
        var dates = papers.Select(p => p.GetProperty("announced").GetString()).Distinct().Order().ToList();
        Assert.Equal(["2025-06-23", "2025-06-24", "2025-06-25", "2025-06-26", "2025-06-27"], dates);
    }

    [Fact]
    public async Task A_listing_line_that_is_not_json_is_named_and_its_neighbours_are_kept()
    {
        var file = _dir.File("2025-06-23.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"arxiv_id": "2506.00001", "listing_date": "2025-06-23", "title": "Good one", "abstract": "a", "authors": ["A"], "primary_category": "cs.LG"}""",
            """{"arxiv_id": "2506.00002", "listing_date": "2025-06-23", "title": "Truncated""",
            """{"arxiv_id": "not-an-id", "listing_date": "2025-06-23", "title": "Bad id"}""",
            """{"arxiv_id": "2506.00003", "listing_date": "23/06/2025", "title": "Bad date"}""",
            """{"arxiv_id": "2506.00004", "listing_date": "2025-06-23", "title": "Good two", "abstract": "b", "authors": ["B"], "primary_category": "cs.CV"}""",
        ]);

        var result = await RoundupCli.RunAsync(_dir.Path, "import", file);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("2 new papers", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("5 lines read = 2 new papers + 0 already stored or repeated + 3 refused", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{file}:2: not a JSON record", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{file}:3: arxiv_id: 'not-an-id' is not an arXiv id", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{file}:4: 2506.00003: listing_date '23/06/2025'", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_neither_format_is_refused_naming_it()
    {
        var file = _dir.File("weird.jsonl");
        await File.WriteAllTextAsync(file, "{\"hello\": 1}\n");
        var result = await RoundupCli.RunAsync(_dir.Path, "import", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{file}:1: neither a listing file", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task A_missing_file_is_bad_usage()
    {
        var result = await RoundupCli.RunAsync(_dir.Path, "import", _dir.File("nope.jsonl"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.jsonl: no such file", result.Stderr, StringComparison.Ordinal);
    }
}
