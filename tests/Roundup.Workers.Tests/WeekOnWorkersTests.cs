using System.Text.Json;
using Roundup.Testing;
using Roundup.Testing.Http;
using Roundup.Testing.Postgres;
using Roundup.Testing.Processes;

namespace Roundup.Workers.Tests;

/// <summary>
/// The weekly job on the shared June listings, once in one process and once handed to <c>roundup worker</c> processes
/// (three on this machine standing in for machines, sharing one full-text folder as processes on one machine do),
/// coordinator and workers on the PostgreSQL store:
/// the first worker is killed outright in the middle of a fetch, the others take its job up, and the picks and the
/// issue's Markdown are the single-process run's. Full texts come from a local server that hands each paper one of
/// the shared real PDFs.
/// </summary>
public sealed class WeekOnWorkersTests(PostgresFixture postgres) : IDisposable
{
    private const string Week = "2025-W26";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(1);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Workers_share_a_week_survive_a_killed_worker_and_give_the_single_process_issue()
    {
        var listings = SharedData.Require("arxiv/listings");
        var pdfs = Directory.GetFiles(SharedData.Require("fulltext/pdfs"), "*.pdf").Order(StringComparer.Ordinal).ToArray();
        var database = await postgres.DatabaseAsync("week");
        await using var arxiv = new ReplayServer();
        arxiv.Map(r => r.Path.StartsWith("/pdf/", StringComparison.Ordinal) ? Reply.File(pdfs[StableHash(r.Path) % pdfs.Length]) : null);
        var source = $"file:{listings}/2025-06-2*.jsonl";
        var environment = Environment(arxiv, database);

        var reference = Folder("single");
        var single = await RoundupProcess.RunAsync(reference, environment, Limit, "run", "--week", Week, "--source", source, "--format", "json");
        Assert.True(single.ExitCode == 0, single.Stderr);
        var singleMarkdown = await RenderAsync(reference, environment);
        var singleRequests = arxiv.Requests.Count;
        Assert.True(singleRequests >= 8, $"the single-process run fetched {singleRequests} full texts");

        // The first full text a worker asks for never comes: that worker is killed while it waits.
        arxiv.Enqueue(r => r.Path.StartsWith("/pdf/", StringComparison.Ordinal), Reply.NotFound() with { Delay = TimeSpan.FromMinutes(5) });
        var shared = Folder("machine-fulltext");
        // The coordinator and the workers on the PostgreSQL store: the jobs' database is the store's.
        var onPostgres = new Dictionary<string, string>(environment) { ["ROUNDUP_Store__Provider"] = "postgres", ["ROUNDUP_Store__ConnectionString"] = database };
        onPostgres.Remove("ROUNDUP_Workers__ConnectionString");
        environment = onPostgres;
        var workerEnvironment = new Dictionary<string, string>(environment) { ["ROUNDUP_Selection__FullTextDir"] = shared };
        using var first = RoundupProcess.Start(Folder("worker1"), workerEnvironment, "worker");
        await first.WaitForLogAsync("started", Limit);
        var coordinatorFolder = Folder("coordinator");
        using var coordinator = RoundupProcess.Start(coordinatorFolder, environment, "run", "--workers", "--week", Week, "--source", source, "--format", "json");
        var stuck = await FirstRequestAfterAsync(arxiv, singleRequests, coordinator);
        first.KillOutright();
        using var second = RoundupProcess.Start(Folder("worker2"), workerEnvironment, "worker");
        using var third = RoundupProcess.Start(Folder("worker3"), workerEnvironment, "worker");
        await coordinator.WaitAsync(Limit);

        Assert.True(coordinator.ExitCode == 0, coordinator.Stderr + second.Stderr + third.Stderr);
        Assert.Equal(Picks(single.Stdout, withScores: true), Picks(coordinator.Stdout, withScores: true));
        Assert.Equal(singleMarkdown, await RenderAsync(coordinatorFolder, environment));

        // Every full text was fetched once, but the one whose worker was killed: once more, by another worker.
        var distributed = arxiv.Requests.Skip(singleRequests).ToList();
        var byPath = distributed.GroupBy(r => r.Path).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(2, byPath[stuck]);
        Assert.All(byPath.Where(p => p.Key != stuck), p => Assert.Equal(1, p.Value));
        Assert.Equal(arxiv.Requests.Take(singleRequests).Select(r => r.Path).Order(StringComparer.Ordinal), byPath.Keys.Order(StringComparer.Ordinal));
        var stuckPaper = stuck["/pdf/".Length..];
        Assert.Contains($"{stuckPaper}: read", second.Stderr + third.Stderr, StringComparison.Ordinal);

        // The workers together kept arXiv's spacing: their turns began the interval apart. A worker's first request leaves
        // up to a few hundred milliseconds after its turn began (the HTTP stack is compiled then), hence the margin; three
        // workers each keeping only their own spacing would ask three times a second.
        var times = distributed.Select(r => r.ArrivedAt).Order().ToList();
        Assert.All(times.Zip(times.Skip(1), (a, b) => b - a), gap => Assert.True(gap >= Spacing - TimeSpan.FromMilliseconds(350), $"two workers' requests {gap.TotalMilliseconds:0} ms apart"));

        // Each entry was written once, by one of the workers.
        var workerLogs = first.Stderr + second.Stderr + third.Stderr;
        foreach (var pick in Picks(single.Stdout))
        {
            Assert.Equal(1, Occurrences(workerLogs, $"{pick}: offline;"));
        }

        // Run again: the full texts are in this machine's folder, so no worker asks for any.
        var again = await RoundupProcess.RunAsync(coordinatorFolder, environment, Limit, "run", "--workers", "--week", Week, "--source", source, "--format", "json");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(singleRequests + distributed.Count, arxiv.Requests.Count);
        Assert.Equal(singleMarkdown, await RenderAsync(coordinatorFolder, environment));

        foreach (var worker in new[] { second, third })
        {
            await Signals.TerminateWithinAsync(worker.Process, TimeSpan.FromSeconds(30));
            Assert.Contains("stopped", worker.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_job_that_fails_after_its_retries_stops_the_run_naming_the_paper()
    {
        var listings = SharedData.Require("arxiv/listings");
        SharedData.Require("fulltext/pdfs");
        await using var arxiv = new ReplayServer();
        arxiv.Map(r => Reply.Bytes("%PDF-1.4 not really"u8.ToArray()));
        var environment = Environment(arxiv, await postgres.DatabaseAsync("failing"));
        var worker = Folder("worker");
        // The worker's full-text folder is a file: every fetch fails to store what it got, on every attempt.
        var blocked = Path.Combine(worker, "roundup.json");
        // No contact for arXiv on this worker: it says so once, not once per job.
        using var failing = RoundupProcess.Start(worker, new Dictionary<string, string>(environment) { ["ROUNDUP_Selection__FullTextDir"] = blocked, ["ROUNDUP_Workers__Retries"] = "1", ["ROUNDUP_Arxiv__Http__Contact"] = " " }, "worker");
        await failing.WaitForLogAsync("started", Limit);

        using var run = RoundupProcess.Start(Folder("coordinator"), environment, "run", "--workers", "--week", Week, "--source", $"file:{listings}/2025-06-2*.jsonl");
        try
        {
            await run.WaitAsync(TimeSpan.FromMinutes(3));
        }
        catch (TimeoutException e)
        {
            Assert.Fail($"{e.Message}\nthe worker's log:\n{failing.Stderr}");
        }

        Assert.True(run.ExitCode == 1, run.Stderr + failing.Stderr);
        Assert.Matches(@"roundup: reading full texts: the job for \d{4}\.\d{5}v\d+ failed after 1 retry: System\.IO\.IOException", run.Stderr);
        Assert.Contains("hint: the workers' logs say more", run.Stderr, StringComparison.Ordinal);
        Assert.True(arxiv.Requests.Count >= 2, $"{arxiv.Requests.Count} requests: jobs that asked arXiv");
        Assert.Equal(1, Occurrences(failing.Stderr, "Arxiv:Http:Contact is not set"));
    }

    [Theory]
    [InlineData("worker")]
    [InlineData("serve", "--workers")]
    public async Task A_worker_or_a_desk_on_workers_without_a_postgresql_database_says_so(params string[] arguments)
    {
        var result = await RoundupProcess.RunAsync(Folder("alone"), new Dictionary<string, string>(), Limit, arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("workers need a PostgreSQL database that every machine reaches", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_whose_database_cannot_be_reached_names_it()
    {
        var unreachable = new Dictionary<string, string> { ["ROUNDUP_Workers__ConnectionString"] = "Host=127.0.0.1;Port=1;Username=roundup;Password=x;Database=jobs;Timeout=3" };

        var result = await RoundupProcess.RunAsync(Folder("unreachable"), unreachable, Limit, "worker");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("(Host=127.0.0.1;Port=1;Database=jobs;Username=roundup) cannot be reached", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", result.Stderr, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Environment(ReplayServer arxiv, string database) => new()
    {
        ["ROUNDUP_Workers__ConnectionString"] = database,
        ["ROUNDUP_Workers__Threads"] = "1",
        ["ROUNDUP_Workers__InvisibilityTimeoutSeconds"] = "5",
        ["ROUNDUP_Workers__PollSeconds"] = "0.5",
        ["ROUNDUP_Workers__RetryDelaySeconds"] = "1",
        ["ROUNDUP_Selection__FullText__Offline"] = "false",
        ["ROUNDUP_Selection__FullText__BaseUrl"] = arxiv.BaseUri.ToString(),
        ["ROUNDUP_Selection__FullText__Order__0"] = "pdf",
        ["ROUNDUP_Arxiv__Http__MinIntervalSeconds"] = Spacing.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ROUNDUP_Arxiv__Http__MaxRetries"] = "0",
        ["ROUNDUP_Arxiv__Http__Contact"] = "tests@example.org",
    };

    /// <summary>A working folder with the funnel cut down so a dozen papers are read: abstract keeps 12, skim 8, read 6.</summary>
    private string Folder(string name)
    {
        var folder = _dir.File(name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "roundup.json"), """
            { "Selection": { "Stages": [
              { "Name": "title", "Reads": "Title", "KeepShare": 0.35, "Scorers": { "taste": 0.9, "rubric": 0.1 } },
              { "Name": "abstract", "Reads": "Abstract", "Keep": 12, "Scorers": { "taste": 1.0, "rubric": 0 } },
              { "Name": "skim", "Reads": "Skim", "Keep": 8, "Scorers": { "taste": 1.0, "rubric": 0, "evidence": 0.3 } },
              { "Name": "read", "Reads": "FullText", "Keep": 6, "Scorers": { "taste": 1.0, "rubric": 0, "evidence": 0.3 } }
            ] } }
            """);
        return folder;
    }

    private static async Task<string> RenderAsync(string folder, IReadOnlyDictionary<string, string> environment)
    {
        var render = await RoundupProcess.RunAsync(folder, environment, Limit, "render", "--week", Week);
        Assert.True(render.ExitCode == 0, render.Stderr);
        return render.Stdout;
    }

    private static async Task<string> FirstRequestAfterAsync(ReplayServer arxiv, int seen, RoundupProcess coordinator)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (arxiv.Requests.Count <= seen)
        {
            Assert.True(clock.Elapsed < Limit, $"no worker fetched a full text; the coordinator's log:\n{coordinator.Stderr}");
            await Task.Delay(100);
        }

        return arxiv.Requests[seen].Path;
    }

    private static List<string> Picks(string runJson, bool withScores = false)
    {
        using var json = JsonDocument.Parse(runJson);
        return [.. json.RootElement.GetProperty("selection").GetProperty("picks").EnumerateArray()
            .Select(p => p.GetProperty("id").GetString()! + (withScores ? " " + p.GetProperty("score").GetRawText() : ""))];
    }

    private static int Occurrences(string text, string what) =>
        (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;

    private static int StableHash(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c)) & int.MaxValue;

}
