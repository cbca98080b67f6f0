using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Roundup.Testing;

namespace Roundup.Cli.Tests.Selection;

/// <summary>
/// The real roundup process and the taste: the shipped default on a first run, the profile-only and no-reputation
/// modes, a week with nothing in scope, and build-taste writing the same bytes each time (the shipped default among them).
/// </summary>
public sealed class TasteTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Line(int n, string date, bool llm, string category = "cs.CL") => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["arxiv_id"] = string.Create(CultureInfo.InvariantCulture, $"2506.{n:D5}"),
        ["listing_date"] = date,
        ["title"] = llm ? $"Scaling reasoning in large language models with reinforcement learning, part {n}" : $"A study of graph coloring heuristics, part {n}",
        ["abstract"] = llm ? "We train large language models to reason. Code: https://github.com/example/x" : "We study a combinatorial problem on sparse graphs.",
        ["authors"] = new[] { $"Author {n}", $"Coauthor {n}" },
        ["comment"] = llm ? "Project page: https://example.github.io/x" : "12 pages",
        ["primary_category"] = category,
        ["categories"] = new[] { category },
    });

    private async Task ImportWeekAsync(string category = "cs.CL")
    {
        var file = _dir.File("2025-06-23.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 40).Select(n => Line(n, "2025-06-23", n % 4 == 0, category)));
        var import = await RoundupCli.RunAsync(_dir.Path, "import", file);
        Assert.True(import.ExitCode == 0, import.Stderr);
    }

    [Fact]
    public async Task A_first_run_selects_with_the_shipped_default_taste_and_says_so()
    {
        await ImportWeekAsync();

        var select = await RoundupCli.RunAsync(_dir.Path, "select", "--week", "2025-W26", "--format", "json");

        Assert.True(select.ExitCode == 0, select.Stderr);
        Assert.Contains("Taste: the shipped default", select.Stderr, StringComparison.Ordinal);
        Assert.Contains("see MODEL_CARD.md", select.Stderr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(select.Stdout);
        var picks = doc.RootElement.GetProperty("picks").EnumerateArray().ToList();
        Assert.Contains("large language models", picks[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.All(Scorers("title"), s => Assert.Matches("^(taste:[0-9a-f]{12}:title|rubric-title-v1)$", s));
    }

    [Fact]
    public async Task On_the_profile_alone_no_learned_taste_scores_and_the_log_says_so()
    {
        await ImportWeekAsync();
        var environment = new Dictionary<string, string> { ["ROUNDUP_Selection__Taste"] = "profile" };

        var select = await RoundupCli.RunAsync(_dir.Path, environment, "select", "--week", "2025-W26");

        Assert.True(select.ExitCode == 0, select.Stderr);
        Assert.Contains("Taste: none (Selection:Taste = profile)", select.Stderr, StringComparison.Ordinal);
        Assert.Contains("similarity-title-v1", Scorers("title"));
        Assert.DoesNotContain(Scorers("abstract"), s => s.StartsWith("taste:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_reputation_the_taste_reads_no_authors_record()
    {
        await ImportWeekAsync();
        var environment = new Dictionary<string, string> { ["ROUNDUP_Selection__Reputation"] = "false" };

        var select = await RoundupCli.RunAsync(_dir.Path, environment, "select", "--week", "2025-W26");

        Assert.True(select.ExitCode == 0, select.Stderr);
        Assert.Contains("reputation signals off (Selection:Reputation = false)", select.Stderr, StringComparison.Ordinal);
        Assert.Contains(Scorers("abstract"), s => s.EndsWith(":abstract-no-reputation", StringComparison.Ordinal));
        Assert.DoesNotContain(Reasons(), r => r.Contains("featured before", StringComparison.Ordinal) || r.Contains("code published by", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_taste_is_a_configuration_error_naming_the_key()
    {
        var result = await RoundupCli.RunAsync(_dir.Path, new Dictionary<string, string> { ["ROUNDUP_Selection__Taste"] = "magic" }, "select", "--week", "2025-W26");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Selection:Taste must be auto, default or profile (got 'magic')", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_week_with_no_paper_in_scope_picks_nothing_and_each_paper_says_why()
    {
        await ImportWeekAsync(category: "math.CO");

        var select = await RoundupCli.RunAsync(_dir.Path, "select", "--week", "2025-W26", "--format", "json");

        Assert.True(select.ExitCode == 0, select.Stderr);
        using var doc = JsonDocument.Parse(select.Stdout);
        Assert.Equal(0, doc.RootElement.GetProperty("picks").GetArrayLength());
        var explain = await RoundupCli.RunAsync(_dir.Path, "explain", "2506.00004", "--week", "2025-W26");
        Assert.Contains("scope: stopped: categories math.CO are outside cs.LG cs.CV cs.CL cs.AI stat.ML", explain.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Picks_the_store_does_not_hold_are_counted_and_other_curators_papers_still_join_the_history()
    {
        await File.WriteAllLinesAsync(_dir.File("picks.tsv"), ["arxiv_id\tlisting_date\tsources", "2506.00004\t2025-06-16\tcurator", "2506.00008\t2025-06-16\tcurator"]);
        await File.WriteAllLinesAsync(_dir.File("featured.jsonl"), [JsonSerializer.Serialize(new { hf_date = "2025-06-10", arxiv_id = "2506.07777", title = "Scaling reasoning", authors = new[] { "Grace Hopper", "Ada Lovelace" } })]);

        var alone = await RoundupCli.RunAsync(_dir.Path, "learn", "--picks", "picks.tsv");
        var withHistory = await RoundupCli.RunAsync(_dir.Path, "learn", "--picks", "picks.tsv", "--extra-positives", "featured.jsonl");

        Assert.Equal(2, alone.ExitCode);
        Assert.Contains("none of the 2 picks names a paper in the store: import the listings of 2025-06-16..2025-06-16 first", alone.Stderr, StringComparison.Ordinal);
        Assert.True(withHistory.ExitCode == 0, withHistory.Stderr);
        Assert.Contains("2 of the 2 picks dated 2025-06-16..2025-06-16 name papers that are not in the store", withHistory.Stderr, StringComparison.Ordinal);
        Assert.Contains("the regressions stay the default's", withHistory.Stderr, StringComparison.Ordinal);
        Assert.Contains("on top of the default taste", withHistory.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(_dir.File(".roundup/taste/taste.json")));
    }

    [Fact]
    public async Task Build_taste_writes_the_same_bytes_twice_and_a_bad_history_line_is_named()
    {
        var listings = _dir.File("2025-06-16.jsonl");
        await File.WriteAllLinesAsync(listings, Enumerable.Range(1, 80).Select(n => Line(n, "2025-06-16", n % 4 == 0)));
        var history = _dir.File("featured.jsonl");
        await File.WriteAllLinesAsync(history,
        [
            .. Enumerable.Range(1, 80).Where(n => n % 4 == 0).Select(n => JsonSerializer.Serialize(new { hf_date = "2025-06-15", arxiv_id = $"2506.{n:D5}", title = "x", authors = new[] { $"Author {n}" } })),
            .. Enumerable.Range(1, 30).Select(n => JsonSerializer.Serialize(new { hf_date = "2025-05-20", arxiv_id = $"2505.{n:D5}", title = $"Reasoning with large language models {n}", authors = new[] { $"Author {n * 4}", "Famous Person" } })),
            "{ not json",
        ]);

        var a = await RoundupCli.RunAsync(_dir.Path, "build-taste", "--listings", listings, "--history", history, "--until", "2025-06-22", "--out", "a");
        var b = await RoundupCli.RunAsync(_dir.Path, "build-taste", "--listings", listings, "--history", history, "--until", "2025-06-22", "--out", "b");

        Assert.True(a.ExitCode == 0, a.Stderr);
        Assert.Contains("from 80 listed papers (20 featured)", a.Stdout, StringComparison.Ordinal);
        Assert.Contains("featured.jsonl:51: not a JSON object", a.Stderr, StringComparison.Ordinal);
        Assert.Equal(a.Stdout.Replace(_dir.File("a"), _dir.File("b"), StringComparison.Ordinal), b.Stdout);
        AssertSameFiles(_dir.File("a"), _dir.File("b"));
    }

    [Fact]
    public async Task The_shipped_default_rebuilds_byte_for_byte_from_the_shared_data()
    {
        var listings = SharedData.Require("arxiv/listings");
        var curation = SharedData.Require("curation");
        var shipped = Path.Combine(SharedData.RepositoryRoot(), "src", "Roundup.Ranking", "Taste", "Default");

        var build = await RoundupCli.RunAsync(_dir.Path, null, TimeSpan.FromMinutes(25), "build-taste",
            "--listings", $"{listings}/2025-06-0*.jsonl", $"{listings}/2025-06-1*.jsonl",
            "--history", $"{curation}/hf_daily_upvotes.jsonl", $"{curation}/hf_daily_lists.jsonl", $"{curation}/dair_top10_weekly.jsonl",
            "--until", "2025-06-22", "--out", "rebuilt");

        Assert.True(build.ExitCode == 0, build.Stderr);
        AssertSameFiles(shipped, _dir.File("rebuilt"));
    }

    private static void AssertSameFiles(string expected, string actual)
    {
        var files = Directory.GetFiles(actual).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(expected).Select(Path.GetFileName).Where(f => !f!.EndsWith(".cs", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file!)).SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file!))), $"{file} differs");
        }
    }

    private List<string> Scorers(string stage) => Query($"SELECT DISTINCT value FROM judgements, json_each(scorers) WHERE stage = '{stage}'");

    private List<string> Reasons() => Query("SELECT json_extract(value, '$[1]') FROM judgements, json_each(contributions)");

    private List<string> Query(string sql)
    {
        using var db = new SqliteConnection($"Data Source={_dir.File("roundup.db")};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var query = db.CreateCommand();
        query.CommandText = sql;
        using var reader = query.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
