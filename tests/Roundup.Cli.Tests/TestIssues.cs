using Roundup.Calendar;
using Roundup.Issues;
using Roundup.Storage.Sqlite;
using Roundup.Testing;

namespace Roundup.Cli.Tests;

/// <summary>A one-paper issue written straight into a test's store, for the verbs that start from an existing issue.</summary>
internal static class TestIssues
{
    public static async Task SaveAsync(string directory, string week, IssueStatus status = IssueStatus.Approved, int version = 1, string title = "Verifiers everywhere")
    {
        await using var store = await SqliteStore.OpenAsync(Path.Combine(directory, "roundup.db"));
        await store.Issues.SaveAsync(
            SampleIssues.Issue(IssueWeek.Parse(week), status, SampleIssues.SelfVerifying with { Categories = [] }) with { Version = version, Title = title });
    }
}
