using Roundup.Calendar;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Storage.Sqlite;

namespace Roundup.Cli.Tests;

/// <summary>A one-paper issue written straight into a test's store, for the verbs that start from an existing issue.</summary>
internal static class TestIssues
{
    public static async Task SaveAsync(string directory, string week, IssueStatus status = IssueStatus.Approved, int version = 1, string title = "Verifiers everywhere")
    {
        await using var store = await SqliteStore.OpenAsync(Path.Combine(directory, "roundup.db"));
        await store.Issues.SaveAsync(new Issue
        {
            Week = IssueWeek.Parse(week),
            Title = title,
            Intro = "Models that check their own steps.",
            Status = status,
            Version = version,
            Written = new DateTimeOffset(2025, 6, 26, 20, 0, 0, TimeSpan.Zero),
            Approved = status == IssueStatus.Draft ? null : new DateTimeOffset(2025, 6, 27, 8, 0, 0, TimeSpan.Zero),
            Sections =
            [
                new IssueSection("Reasoning",
                [
                    new IssueEntry
                    {
                        Id = ArxivId.Parse("2506.01234"),
                        Title = "Self-Verifying Chains of Thought",
                        Authors = ["Mira Okafor"],
                        Text = new EntryText("A model checks each step.", ["It gains 6.3 points on MATH."], "A clean ablation."),
                        Writer = "offline",
                    },
                ]),
            ],
        });
    }
}
