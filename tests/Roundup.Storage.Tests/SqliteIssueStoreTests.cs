using Roundup.Calendar;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Storage.Sqlite;
using Roundup.Testing;

namespace Roundup.Storage.Tests;

public sealed class SqliteIssueStoreTests : IDisposable
{
    private static readonly IssueWeek Week = new(2025, 26);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Issue Draft(int version = 1) => new()
    {
        Week = Week,
        Title = "Roundup 2025-W26",
        Intro = "Diffusion and agents.",
        Version = version,
        Written = new DateTimeOffset(2025, 6, 27, 9, 0, 0, TimeSpan.Zero),
        Funnel = [new FunnelCount("title", 3030, 1060, "35%")],
        Grounding = new GroundingSummary(41, 42),
        Sections =
        [
            new IssueSection("Diffusion", [
                new IssueEntry
                {
                    Id = ArxivId.Parse("2506.01234v2"),
                    Title = "Faster sampling",
                    Authors = ["A. Author", "B. Author"],
                    Text = new EntryText("It samples 3.2× faster.", ["Problem.", "Results: 3.2× on ImageNet."], "Code released."),
                    Edits = new EntryText("Curator's TL;DR", [], ""),
                    Writer = "offline",
                    Flags = ["removed '41.7%': not in the paper"],
                    Usage = new EntryUsage(1200, 300, 1.5, 0.0012m, false),
                },
            ]),
        ],
        Corrections = [new Correction(ArxivId.Parse("2506.01234"), "The speed-up is 2.3×.", new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero))],
    };

    [Fact]
    public async Task An_issue_round_trips_whole_with_the_curators_edits_apart_from_the_generated_text()
    {
        await using var store = await SqliteStore.OpenAsync(_dir.File("i.db"));
        await store.Issues.SaveAsync(Draft());

        var read = await store.Issues.GetAsync(Week);

        Assert.NotNull(read);
        var entry = Assert.Single(read.Entries);
        Assert.Equal("2506.01234v2", entry.Id.ToString());
        Assert.Equal("It samples 3.2× faster.", entry.Text.Tldr);
        Assert.Equal("Curator's TL;DR", entry.Shown.Tldr);
        Assert.Equal(entry.Text.Summary, entry.Shown.Summary);
        Assert.False(entry.Automatic);
        Assert.Equal(0.0012m, entry.Usage.Cost);
        Assert.Equal(Week, read.Week);
        Assert.Equal("41 of 42 claims found in the papers", read.Grounding.ToString());
        Assert.Equal("2506.01234", Assert.Single(read.Corrections).Paper!.Value.ToString());
        Assert.Equal(read.Corrections[0].Recorded, read.Updated);
    }

    [Fact]
    public async Task Versions_accumulate_reads_return_the_latest_and_a_stale_version_is_refused()
    {
        await using var store = await SqliteStore.OpenAsync(_dir.File("v.db"));
        await store.Issues.SaveAsync(Draft());
        await store.Issues.SaveAsync(Draft(2) with { Status = IssueStatus.Approved, Title = "Approved" });

        var stale = await Assert.ThrowsAsync<StoreException>(() => store.Issues.SaveAsync(Draft(2)));
        Assert.Contains("version 2 cannot follow stored version 2", stale.Message, StringComparison.Ordinal);
        var latest = await store.Issues.GetAsync(Week);
        Assert.Equal(IssueStatus.Approved, latest!.Status);
        Assert.Null(await store.Issues.GetAsync(Week.Next()));
    }

    [Fact]
    public async Task The_archive_lists_each_weeks_latest_version_newest_week_first()
    {
        await using var store = await SqliteStore.OpenAsync(_dir.File("l.db"));
        await store.Issues.SaveAsync(Draft() with { Week = Week.Previous() });
        await store.Issues.SaveAsync(Draft());
        await store.Issues.SaveAsync(Draft(2) with { Title = "second" });

        var all = await store.Issues.ListAsync();

        Assert.Equal(["2025-W26", "2025-W25"], all.Select(i => i.Week.ToString()));
        Assert.Equal("second", all[0].Title);
    }
}
