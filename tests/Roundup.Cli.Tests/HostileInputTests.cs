using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Roundup.Arxiv.Files;
using Roundup.Harvesting;
using Roundup.Testing;

namespace Roundup.Cli.Tests;

/// <summary>
/// Input that is long, odd or hostile through the real roundup process: an import that keeps the good lines and
/// names the others by file and line, resumes only what did not change, and output that cannot drive a terminal.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Line(int n, string title = "", string date = "2025-06-23") => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["arxiv_id"] = string.Create(CultureInfo.InvariantCulture, $"2506.{n:D5}"),
        ["listing_date"] = date,
        ["title"] = title.Length > 0 ? title : $"Scaling reasoning in large language models, part {n}",
        ["abstract"] = "We train large language models to reason.",
        ["authors"] = new[] { $"Author {n}" },
        ["primary_category"] = "cs.CL",
        ["categories"] = new[] { "cs.CL" },
    });

    [Fact]
    public async Task A_50_MB_listing_line_is_refused_naming_its_line_and_its_neighbours_are_stored()
    {
        var file = _dir.File("2025-06-23.jsonl");
        await using (var writer = new StreamWriter(file, false, new UTF8Encoding(false)))
        {
            await writer.WriteAsync(Line(1) + "\n");
            var (start, end) = Split(Line(2, "TITLE"), "TITLE");
            await writer.WriteAsync(start);
            var chunk = new string('x', 1 << 20);
            for (var i = 0; i < 50; i++)
            {
                await writer.WriteAsync(chunk);
            }

            await writer.WriteAsync(end + "\n");
            await writer.WriteAsync(Line(3) + "\n");
        }

        Assert.True(new FileInfo(file).Length > 50_000_000);
        var result = await RoundupCli.RunAsync(_dir.Path, "import", file);
        File.Delete(file);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("3 lines read = 2 new papers + 0 already stored or repeated + 1 refused; 2 papers stored", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"refused: {file}:2: the line is 52,428,", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("skipped unread", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(["2506.00001", "2506.00003"], await IdsAsync());
    }

    [Fact]
    public async Task A_title_over_the_limit_is_refused_naming_its_file_and_line_not_its_page()
    {
        var file = _dir.File("2025-06-23.jsonl");
        await File.WriteAllLinesAsync(file, [Line(1), "", Line(2, new string('t', 5000)), Line(3), Line(1)], TestContext.Current.CancellationToken);

        var result = await RoundupCli.RunAsync(_dir.Path, "import", file);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("4 lines read = 2 new papers + 1 already stored or repeated + 1 refused; 2 papers stored", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"refused: {file}:3: 2506.00002: ", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain($"{file}:1-", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_given_to_import_is_called_a_folder()
    {
        var folder = Directory.CreateDirectory(_dir.File("listings")).FullName;

        var result = await RoundupCli.RunAsync(_dir.Path, "import", folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{folder} is a folder, not a file", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("no such file", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unrecognisable_file_is_named_with_why_and_the_other_files_are_still_imported()
    {
        var a = _dir.File("2025-06-23.jsonl");
        await File.WriteAllLinesAsync(a, [Line(1), Line(2)], TestContext.Current.CancellationToken);
        var weird = _dir.File("notes.jsonl");
        await File.WriteAllLinesAsync(weird, ["""{"hello": 1}"""], TestContext.Current.CancellationToken);
        var b = _dir.File("2025-06-24.jsonl");
        await File.WriteAllLinesAsync(b, [Line(3, date: "2025-06-24")], TestContext.Current.CancellationToken);

        var result = await RoundupCli.RunAsync(_dir.Path, "import", a, weird, b);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"not imported: {weird}:1: neither a listing file", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 of 3 files not imported (named above); the other 2 were", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Imported 2 files (listing): 3 lines read = 3 new papers", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(["2506.00001", "2506.00002", "2506.00003"], await IdsAsync());
    }

    [Fact]
    public async Task After_a_kill_a_record_appended_to_a_file_already_read_is_imported_and_an_unchanged_file_is_not_read_again()
    {
        var a = _dir.File("2025-06-23.jsonl");
        await File.WriteAllLinesAsync(a, [Line(1), Line(2), Line(3)], TestContext.Current.CancellationToken);
        var b = _dir.File("2025-06-24.jsonl");
        await File.WriteAllLinesAsync(b, [Line(4, date: "2025-06-24"), Line(5, date: "2025-06-24")], TestContext.Current.CancellationToken);

        // Unchanged: the import killed after a's last page resumes with b alone.
        Assert.Equal(0, (await RoundupCli.RunAsync(_dir.Path, "import", a)).ExitCode);
        await KillAfterFirstFileAsync(a, b);
        var resumed = await RoundupCli.RunAsync(_dir.Path, "import", a, b);
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains("2 lines read = 2 new papers + 0 already stored or repeated + 0 refused; 5 papers stored (resumed", resumed.Stdout, StringComparison.Ordinal);
        Assert.Null(await CheckpointAsync());

        // Changed: a record appended to a after the kill; a is read again, the new record with it.
        await KillAfterFirstFileAsync(a, b);
        await File.AppendAllLinesAsync(a, [Line(6)], TestContext.Current.CancellationToken);
        var changed = await RoundupCli.RunAsync(_dir.Path, "import", a, b);
        Assert.True(changed.ExitCode == 0, changed.Stderr);
        Assert.Contains("6 lines read = 1 new papers + 5 already stored or repeated + 0 refused; 6 papers stored (resumed", changed.Stdout, StringComparison.Ordinal);
        Assert.Equal(["2506.00001", "2506.00002", "2506.00003", "2506.00004", "2506.00005", "2506.00006"], await IdsAsync());
    }

    [Theory]
    [InlineData("1:2")]
    [InlineData("0:0")]
    public async Task A_checkpoint_stored_by_an_earlier_version_starts_the_import_over(string old)
    {
        var a = _dir.File("2025-06-23.jsonl");
        await File.WriteAllLinesAsync(a, [Line(1), Line(2)], TestContext.Current.CancellationToken);
        var b = _dir.File("2025-06-24.jsonl");
        await File.WriteAllLinesAsync(b, [Line(3, date: "2025-06-24"), Line(4, date: "2025-06-24")], TestContext.Current.CancellationToken);
        Assert.Equal(0, (await RoundupCli.RunAsync(_dir.Path, "import", a)).ExitCode);
        await SetCheckpointAsync(old);

        var result = await RoundupCli.RunAsync(_dir.Path, "import", a, b);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("4 lines read = 2 new papers + 2 already stored or repeated + 0 refused; 4 papers stored", result.Stdout, StringComparison.Ordinal);
        Assert.Null(await CheckpointAsync());
    }

    [Fact]
    public async Task Control_characters_in_titles_reach_the_terminal_escaped_through_papers_and_select_and_json_keeps_them()
    {
        var file = _dir.File("2025-06-23.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 12).Select(n => Line(n)), TestContext.Current.CancellationToken);
        Assert.Equal(0, (await RoundupCli.RunAsync(_dir.Path, "import", file)).ExitCode);
        const string Hostile = "\u001b[31mRED\u001b[0m large language models\rOVERWRITE \u202egnimaerts";
        await ExecuteAsync("UPDATE papers SET title = $t || ' ' || id", ("$t", Hostile));

        var papers = await RoundupCli.RunAsync(_dir.Path, "papers", "--week", "2025-W26");
        var select = await RoundupCli.RunAsync(_dir.Path, "select", "--week", "2025-W26");

        foreach (var output in new[] { papers, select })
        {
            Assert.True(output.ExitCode == 0, output.Stderr);
            Assert.Contains(@"\u001B[31mRED\u001B[0m large language models\u000DOVERWRITE \u202Egnimaerts", output.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(output.Stdout, c => c is '\u001b' or '\r' or '\u202e' or '\u009b');
        }

        var json = await RoundupCli.RunAsync(_dir.Path, "papers", "--week", "2025-W26", "--format", "json");
        Assert.True(json.ExitCode == 0, json.Stderr);
        Assert.DoesNotContain(json.Stdout, c => c is '\u001b' or '\r' or '\u202e');
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.All(doc.RootElement.EnumerateArray(), p => Assert.StartsWith(Hostile, p.GetProperty("title").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refusal_quoting_a_hostile_record_is_escaped_in_the_summary_and_in_the_log()
    {
        var file = _dir.File("2025-06-23.jsonl");
        var hostile = """{"arxiv_id": "\u001b]0;pwned\u0007\u001b[2J\u202e", "listing_date": "2025-06-23", "title": "T"}""";
        await File.WriteAllLinesAsync(file, [Line(1), hostile], TestContext.Current.CancellationToken);

        var result = await RoundupCli.RunAsync(_dir.Path, "import", file);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"refused: {file}:2: arxiv_id: '\\u001B]0;pwned\\u0007\\u001B[2J\\u202E'", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"warn: Roundup.Harvesting.Harvester[0] listing: skipped a bad record at {file}:2: arxiv_id: '\\u001B]0;pwned", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Stdout + result.Stderr, c => c is '\u001b' or '\u0007' or '\u202e');
    }

    private static (string Start, string End) Split(string text, string marker)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        return (text[..at], text[(at + marker.Length)..]);
    }

    // Leaves the checkpoint a kill right after the first file's last page leaves.
    private async Task KillAfterFirstFileAsync(string first, string second)
    {
        var pages = await new ListingFileSource([first, second]).ReadAsync(Everything, null).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([true], FilesPosition.Parse(pages[0].NextPosition).Files.Select(f => f.Done));
        await SetCheckpointAsync(pages[0].NextPosition!);
    }

    private static readonly HarvestRequest Everything = new(DateOnly.MinValue, DateOnly.MaxValue, ["files"]);

    private Task SetCheckpointAsync(string position) => ExecuteAsync(
        "INSERT INTO harvest_checkpoints (checkpoint_key, position, updated_at) VALUES ($k, $p, '2026-01-01T00:00:00Z') ON CONFLICT (checkpoint_key) DO UPDATE SET position = excluded.position",
        ("$k", Everything.CheckpointKey("listing")), ("$p", position));

    private async Task<string?> CheckpointAsync()
    {
        await using var db = Open();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT position FROM harvest_checkpoints";
        return await query.ExecuteScalarAsync(TestContext.Current.CancellationToken) as string;
    }

    private async Task<List<string>> IdsAsync()
    {
        await using var db = Open();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT id FROM papers ORDER BY id";
        await using var reader = await query.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task ExecuteAsync(string sql, params (string Name, string Value)[] parameters)
    {
        await using var db = Open();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private SqliteConnection Open()
    {
        var db = new SqliteConnection($"Data Source={_dir.File("roundup.db")};Pooling=False");
        db.Open();
        return db;
    }
}
