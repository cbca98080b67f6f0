using System.Text.Json;
using System.Text.Json.Nodes;
using Roundup.Testing;
using Roundup.Testing.Postgres;

[assembly: AssemblyFixture(typeof(PostgresFixture))]

namespace Roundup.Cli.Tests;

/// <summary>The weekly job, offline on the shared June listings, gives the same papers, picks and issue on PostgreSQL as on SQLite.</summary>
public sealed class PostgresWeeklyJobTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory _sqlite = new();
    private readonly TempDirectory _postgres = new();

    public void Dispose()
    {
        _sqlite.Dispose();
        _postgres.Dispose();
    }

    [Fact]
    public async Task The_weekly_job_on_postgres_gives_the_same_papers_picks_and_issue_as_on_sqlite()
    {
        var listings = SharedData.Require("arxiv/listings");
        var onPostgres = new Dictionary<string, string>
        {
            ["ROUNDUP_Store__Provider"] = "postgres",
            ["ROUNDUP_Store__ConnectionString"] = await postgres.DatabaseAsync("cli"),
        };
        string[] run = ["run", "--week", "2025-W26", "--source", $"file:{listings}/2025-06-2*.jsonl", "--format", "json"];

        var sqlite = await RoundupCli.RunAsync(_sqlite.Path, run);
        var pg = await RoundupCli.RunAsync(_postgres.Path, onPostgres, run);

        Assert.True(sqlite.ExitCode == 0, sqlite.Stderr);
        Assert.True(pg.ExitCode == 0, pg.Stderr);
        Assert.False(File.Exists(_postgres.File("roundup.db")), "the postgres run wrote no SQLite file");
        var expected = Comparable(sqlite.Stdout);
        Assert.Equal(3030, expected["harvest"]!["totalPapers"]!.GetValue<int>());
        Assert.Equal(15, expected["selection"]!["picks"]!.AsArray().Count);
        Assert.Equal(expected.ToJsonString(), Comparable(pg.Stdout).ToJsonString());

        // The issue itself, as the preview's Markdown.
        var markdown = Directory.GetFiles(_sqlite.File("out/preview"), "*.md", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_sqlite.Path, f)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(markdown);
        foreach (var file in markdown)
        {
            Assert.Equal(await File.ReadAllTextAsync(_sqlite.File(file), TestContext.Current.CancellationToken), await File.ReadAllTextAsync(_postgres.File(file), TestContext.Current.CancellationToken));
        }

        // Every paper of the week, as `roundup papers` lists it from each store.
        string[] papers = ["papers", "--week", "2025-W26", "--format", "json"];
        var sqlitePapers = await RoundupCli.RunAsync(_sqlite.Path, papers);
        var pgPapers = await RoundupCli.RunAsync(_postgres.Path, onPostgres, papers);
        Assert.True(pgPapers.ExitCode == 0, pgPapers.Stderr);
        Assert.Equal(3030, JsonNode.Parse(sqlitePapers.Stdout)!.AsArray().Count);
        Assert.Equal(sqlitePapers.Stdout, pgPapers.Stdout);
    }

    // The run's report without what differs by machine and moment: timings and the preview's folder.
    private static JsonNode Comparable(string stdout)
    {
        var root = JsonNode.Parse(stdout)!;
        Strip(root);
        return root;
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (key is "preview" || key.Contains("second", StringComparison.OrdinalIgnoreCase) || key.Contains("elapsed", StringComparison.OrdinalIgnoreCase))
                    {
                        obj.Remove(key);
                    }
                    else
                    {
                        Strip(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Strip(item);
                }

                break;
        }
    }
}

/// <summary>A PostgreSQL store that refuses the connection stops any verb with one line naming the setting, not the password.</summary>
public sealed class PostgresStoreRefusalTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_wrong_password_stops_the_verb_with_the_setting_named_and_the_password_kept_out()
    {
        var good = new Npgsql.NpgsqlConnectionStringBuilder(await postgres.DatabaseAsync("cli")) { Password = "not-the-password-9f3a" };
        var env = new Dictionary<string, string> { ["ROUNDUP_Store__Provider"] = "postgres", ["ROUNDUP_Store__ConnectionString"] = good.ConnectionString };

        var result = await RoundupCli.RunAsync(_dir.Path, env, "papers", "--week", "2025-W26");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"roundup: Store:ConnectionString: the PostgreSQL server at 127.0.0.1:{good.Port} refused user 'roundup': wrong Username or Password", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("hint: check Store:ConnectionString", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password-9f3a", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_a_configuration_error()
    {
        var result = await RoundupCli.RunAsync(_dir.Path, new Dictionary<string, string> { ["ROUNDUP_Store__Provider"] = "postgres" }, "papers");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Store:ConnectionString must be set for Store:Provider 'postgres'", result.Stderr, StringComparison.Ordinal);
    }
}
