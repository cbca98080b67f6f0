using Roundup.Calendar;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Storage.Sqlite;
using Roundup.Testing;

namespace Roundup.Cli.Tests;

public sealed class PublishTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task SaveAsync(string week, IssueStatus status)
    {
        await using var store = await SqliteStore.OpenAsync(_dir.File("roundup.db"));
        await store.Issues.SaveAsync(new Issue
        {
            Week = IssueWeek.Parse(week),
            Title = $"Issue of {week}",
            Intro = "Intro.",
            Status = status,
            Written = new DateTimeOffset(2025, 6, 26, 20, 0, 0, TimeSpan.Zero),
            Sections = [new IssueSection("Vision", [new IssueEntry
            {
                Id = ArxivId.Parse("2506.01234v1"),
                Title = "A paper",
                Authors = ["A. Author"],
                Text = new EntryText("It works.", ["It works well."], "Fine."),
                Writer = "offline",
            }])],
        });
    }

    [Fact]
    public async Task Publishing_one_week_leaves_another_weeks_approved_issue_out_of_the_archive_until_its_own_publish()
    {
        await SaveAsync("2025-W25", IssueStatus.Approved);
        await SaveAsync("2025-W26", IssueStatus.Approved);

        var publish = await RoundupCli.RunAsync(_dir.Path, "publish", "--week", "2025-W26");

        Assert.True(publish.ExitCode == 0, publish.Stderr);
        Assert.True(File.Exists(_dir.File("out/site/issues/2025-W26.html")));
        Assert.False(File.Exists(_dir.File("out/site/issues/2025-W25.html")));
        Assert.DoesNotContain("2025-W25", await File.ReadAllTextAsync(_dir.File("out/site/atom.xml")), StringComparison.Ordinal);

        Assert.Equal(0, (await RoundupCli.RunAsync(_dir.Path, "publish", "--week", "2025-W25")).ExitCode);
        Assert.True(File.Exists(_dir.File("out/site/issues/2025-W25.html")));
    }
}
