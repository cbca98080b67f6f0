using Roundup.Calendar;
using Roundup.Issues;
using Roundup.Papers;

namespace Roundup.Storage.Tests.Contract;

/// <summary>What every store must do with issues (<see cref="IIssueStore"/>), whatever the database: every version kept, the latest read.</summary>
public abstract class IssueStoreContract : StoreContract
{
    private static readonly IssueWeek Week = new(2025, 26);

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
        await using var store = await OpenAsync();
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
        await using var store = await OpenAsync();
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
        await using var store = await OpenAsync();
        await store.Issues.SaveAsync(Draft() with { Week = Week.Previous() });
        await store.Issues.SaveAsync(Draft());
        await store.Issues.SaveAsync(Draft(2) with { Title = "second" });

        var all = await store.Issues.ListAsync();

        Assert.Equal(["2025-W26", "2025-W25"], all.Select(i => i.Week.ToString()));
        Assert.Equal("second", all[0].Title);
    }

    [Fact]
    public async Task A_version_that_does_not_follow_the_stored_one_is_refused_and_nothing_is_saved()
    {
        await using var store = await OpenAsync();
        await Assert.ThrowsAsync<StoreException>(() => store.Issues.SaveAsync(Draft(2)));
        Assert.Null(await store.Issues.GetAsync(Week));

        await store.Issues.SaveAsync(Draft());
        await Assert.ThrowsAsync<StoreException>(() => store.Issues.SaveAsync(Draft(3) with { Title = "skipped ahead" }));
        await Assert.ThrowsAsync<StoreException>(() => store.Issues.SaveAsync(Draft(1) with { Title = "again" }));

        var latest = await store.Issues.GetAsync(Week);
        Assert.Equal((1, "Roundup 2025-W26"), (latest!.Version, latest.Title));
    }

    [Fact]
    public async Task Every_saved_version_is_kept_and_outlives_the_handle_that_saved_it()
    {
        await using (var first = await OpenAsync())
        {
            for (var version = 1; version <= 3; version++)
            {
                await first.Issues.SaveAsync(Draft(version) with { Title = $"version {version}" });
            }
        }

        await using var again = await OpenAsync();
        var latest = await again.Issues.GetAsync(Week);
        Assert.Equal((3, "version 3"), (latest!.Version, latest.Title));
        await again.Issues.SaveAsync(Draft(4));
        Assert.Equal(4, (await again.Issues.GetAsync(Week))!.Version);
    }

    [Fact]
    public async Task The_archive_is_empty_at_first_and_orders_weeks_across_a_year_boundary()
    {
        await using var store = await OpenAsync();
        Assert.Empty(await store.Issues.ListAsync());

        IssueWeek[] weeks = [new(2025, 2), new(2024, 52), new(2025, 1), new(2020, 53), new(2025, 10)];
        foreach (var week in weeks)
        {
            await store.Issues.SaveAsync(Draft() with { Week = week });
        }

        await store.Issues.SaveAsync(Draft(2) with { Week = new IssueWeek(2024, 52), Title = "revised" });

        var all = await store.Issues.ListAsync();
        Assert.Equal(["2025-W10", "2025-W02", "2025-W01", "2024-W52", "2020-W53"], all.Select(i => i.Week.ToString()));
        Assert.Equal((2, "revised"), (all[3].Version, all[3].Title));
    }
}
