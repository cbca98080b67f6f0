using System.Text.Json;
using Roundup.Testing;
using Roundup.Testing.Arxiv;
using Roundup.Testing.Http;

namespace Roundup.Cli.Tests.Harvesting;

/// <summary>
/// The real roundup process harvesting OAI-PMH over real HTTP from a local server that replays arXiv's answers,
/// into a real SQLite file.
/// </summary>
public sealed class OaiHarvestEndToEndTests : IDisposable
{
    private const string FirstPage = "/oai?verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2025-06-21";
    private const string SecondPage = "/oai?verb=ListRecords&resumptionToken=t1%7C30";
    private const string ThirdPage = "/oai?verb=ListRecords&resumptionToken=t2%7C60";

    // Submission times (GMT) that arXiv lists on Mon 06-23 .. Fri 06-27 (10:00 Eastern, before the cut-off).
    private static readonly string[] SubmittedForDay =
    [
        "Fri, 20 Jun 2025 14:00:00 GMT", "Mon, 23 Jun 2025 14:00:00 GMT", "Tue, 24 Jun 2025 14:00:00 GMT",
        "Wed, 25 Jun 2025 14:00:00 GMT", "Thu, 26 Jun 2025 14:00:00 GMT",
    ];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Page(int number, string? token) => OaiPages.ListRecords(
        token,
        [.. Enumerable.Range(1, 30).Select(i => ($"2506.{(number * 100) + i:D5}", i % 3 == 0 ? "cs.CV cs.LG" : "cs.LG", SubmittedForDay[i % 5]))]);

    private string Workspace(string name, ReplayServer server)
    {
        var dir = Path.Combine(_dir.Path, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "roundup.json"), $$"""
            {
              "Harvest": { "Sources": ["oai"], "Categories": ["cs.LG", "cs.CV"] },
              "Arxiv": {
                "Http": { "Contact": "tests@example.org", "MinIntervalSeconds": 0, "BackoffBaseSeconds": 0, "CacheDirectory": "" },
                "Oai": { "BaseUrl": "{{server.BaseUri}}oai" }
              }
            }
            """);
        return dir;
    }

    [Fact]
    public async Task A_harvest_killed_midway_resumes_and_ends_with_the_same_rows_as_one_that_was_not()
    {
        // Uninterrupted, through a 429 and a 503 with Retry-After on the second page.
        await using var steady = new ReplayServer();
        steady.Always(FirstPage, Reply.Xml(Page(1, "t1|30")));
        steady.Enqueue(SecondPage, Reply.TooManyRequests(), Reply.ServiceUnavailable(retryAfterSeconds: 1));
        steady.Always(SecondPage, Reply.Xml(Page(2, "t2|60")));
        steady.Always(ThirdPage, Reply.Xml(Page(3, null)));
        var whole = Workspace("whole", steady);
        var uninterrupted = await RoundupCli.RunAsync(whole, "harvest", "--week", "2025-W26", "--format", "json");
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Stderr);
        Assert.Equal([FirstPage, SecondPage, SecondPage, SecondPage, ThirdPage], steady.Requests.Select(r => r.PathAndQuery));
        using (var report = JsonDocument.Parse(uninterrupted.Stdout))
        {
            Assert.Equal(90, report.RootElement.GetProperty("totalPapers").GetInt32());
            Assert.True(report.RootElement.GetProperty("complete").GetBoolean());
        }

        // Killed while waiting for the third page, then run again.
        await using var flaky = new ReplayServer();
        flaky.Always(FirstPage, Reply.Xml(Page(1, "t1|30")));
        flaky.Always(SecondPage, Reply.Xml(Page(2, "t2|60")));
        flaky.Enqueue(ThirdPage, Reply.Xml(Page(3, null)).WithDelay(TimeSpan.FromMinutes(2)));
        flaky.Always(ThirdPage, Reply.Xml(Page(3, null)));
        var killed = Workspace("killed", flaky);
        using (var process = RoundupCli.Start(killed, null, "harvest", "--week", "2025-W26"))
        {
            // Pages are read ahead while earlier ones are stored: wait for the second page's checkpoint too.
            await WaitUntilAsync(() => flaky.Requests.Any(r => r.PathAndQuery == ThirdPage) && HasCheckpoint(Path.Combine(killed, "roundup.db"), "cs|t2|60"));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var midway = StoreDump.Read(Path.Combine(killed, "roundup.db"));
        Assert.Equal(60, midway.Count(r => r.StartsWith("paper |", StringComparison.Ordinal)));
        Assert.Contains(midway, r => r.StartsWith("checkpoint |", StringComparison.Ordinal) && r.EndsWith("| cs|t2|60", StringComparison.Ordinal));

        var resumed = await RoundupCli.RunAsync(killed, "harvest", "--week", "2025-W26");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains("(resumed)", resumed.Stdout, StringComparison.Ordinal);
        Assert.Contains("resuming an interrupted harvest at cs|t2|60", resumed.Stderr, StringComparison.Ordinal);
        Assert.Equal(ThirdPage, flaky.Requests[^1].PathAndQuery);
        Assert.Equal(1, flaky.Requests.Count(r => r.PathAndQuery == FirstPage));

        var wholeRows = StoreDump.Read(Path.Combine(whole, "roundup.db"));
        Assert.Equal(90 + 90 + 90, wholeRows.Count);   // papers, versions, sightings; no checkpoint left
        Assert.Equal(wholeRows, StoreDump.Read(Path.Combine(killed, "roundup.db")));
    }

    [Fact]
    public async Task An_empty_week_names_every_missing_day_and_fails_only_under_strict()
    {
        var noRecords = File.ReadAllText(SharedData.Require("arxiv/protocol/oai_pmh/mikesaelim_arXivOAIHarvester/ErrorResponseNoRecordsMatch.xml"));
        await using var server = new ReplayServer();
        server.Always(FirstPage, Reply.Xml(noRecords));
        var dir = Workspace("empty", server);

        var lenient = await RoundupCli.RunAsync(dir, "harvest", "--week", "2025-W26");
        Assert.True(lenient.ExitCode == 0, lenient.Stderr);
        Assert.Contains("Missing listing dates (expected, no papers): 2025-06-23 Mon, 2025-06-24 Tue, 2025-06-25 Wed, 2025-06-26 Thu, 2025-06-27 Fri", lenient.Stdout, StringComparison.Ordinal);

        var strict = await RoundupCli.RunAsync(dir, "harvest", "--week", "2025-W26", "--strict");
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public async Task When_arxiv_keeps_refusing_the_error_names_the_url_and_attempts_and_keeps_stored_pages()
    {
        await using var server = new ReplayServer();
        server.Always(FirstPage, Reply.Xml(Page(1, "t1|30")));
        server.Always(SecondPage, Reply.ServiceUnavailable());
        var dir = Workspace("down", server);
        File.WriteAllText(Path.Combine(dir, "roundup.json"), File.ReadAllText(Path.Combine(dir, "roundup.json")).Replace("\"BackoffBaseSeconds\": 0", "\"BackoffBaseSeconds\": 0, \"MaxRetries\": 2", StringComparison.Ordinal));

        var result = await RoundupCli.RunAsync(dir, "harvest", "--week", "2025-W26");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches($@"GET {server.BaseUri}oai\?verb=ListRecords&resumptionToken=t1(%7C|\|)30 failed after 3 attempts: .*503", result.Stderr);
        Assert.Contains("hint:", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(30, StoreDump.Read(Path.Combine(dir, "roundup.db")).Count(r => r.StartsWith("paper |", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_html_error_page_instead_of_xml_is_named_and_nothing_of_it_is_stored()
    {
        await using var server = new ReplayServer();
        server.Always(FirstPage, Reply.Html("<!DOCTYPE html><html><body>Gateway error</body></html>"));
        var dir = Workspace("html", server);

        var result = await RoundupCli.RunAsync(dir, "harvest", "--week", "2025-W26");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("expected XML but got an HTML page", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(FirstPage.Replace("/oai", "oai", StringComparison.Ordinal), result.Stderr, StringComparison.Ordinal);
        Assert.Empty(StoreDump.Read(Path.Combine(dir, "roundup.db")));
    }

    private static bool HasCheckpoint(string database, string position)
    {
        try
        {
            return File.Exists(database) && StoreDump.Read(database).Any(r => r.StartsWith("checkpoint |", StringComparison.Ordinal) && r.EndsWith("| " + position, StringComparison.Ordinal));
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return false;   // the schema is still being created
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for roundup to reach the third page");
            await Task.Delay(50);
        }
    }
}
