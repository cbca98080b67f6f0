using Roundup.Application.Hosting;
using Roundup.Application.Settings;
using Roundup.Application.Weekly;
using Roundup.Application.Weeks;
using Roundup.Issues;
using Roundup.Testing;
using Microsoft.Extensions.Logging;

namespace Roundup.Application.Tests.Weekly;

/// <summary>The weekly job called in process, as the web desk and a worker call it: no command line involved.</summary>
public sealed class RunWeekTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_weekly_job_runs_from_the_application_layer_and_reads_the_profile_once()
    {
        var listings = SharedData.Require("arxiv/listings");
        var (options, errors, _) = ConfigurationLoader.Load(null,
        [
            new("Store:Path", _dir.File("roundup.db")),
            new("Selection:Profile", _dir.File("profile.yaml")),
            new("Selection:FullTextDir", _dir.File("fulltext")),
            new("Selection:FullText:Offline", "true"),
            new("Publish:PreviewDir", _dir.File("preview")),
        ]);
        Assert.Empty(errors);
        using var recording = new RecordingLogs();
        using var logs = LoggerFactory.Create(b => b.AddProvider(recording));
        await using var host = new RoundupHost(options, logs, TimeProvider.System);

        var window = Window.Resolve("2025-W26", null, null, host.Calendar, host.Time);
        var run = await new RunWeek(host).RunAsync(window, [$"file:{listings}/2025-06-23.jsonl"], strict: false, TestContext.Current.CancellationToken);

        Assert.Equal(777, run.Harvest.Outcome.Report.TotalPapers);
        Assert.NotNull(run.Selection);
        var issue = Assert.IsType<Issue>(run.Issue);
        Assert.Equal(IssueStatus.Draft, issue.Status);
        Assert.Equal(run.Selection.Result.Picks.Select(p => p.Paper.Id.Canonical).Order(StringComparer.Ordinal), issue.Entries.Select(e => e.Id.Canonical).Order(StringComparer.Ordinal));
        Assert.Contains(run.Preview, p => p.EndsWith("2025-W26.md", StringComparison.Ordinal) && File.Exists(p));
        // Selection and writing share the run's profile: the built-in one is announced once, not once per step.
        Assert.Single(recording.Messages, m => m.Contains("using the built-in profile", StringComparison.Ordinal));
    }
}
