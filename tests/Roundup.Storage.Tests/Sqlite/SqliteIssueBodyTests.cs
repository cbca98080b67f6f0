using Microsoft.Data.Sqlite;
using Roundup.Calendar;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Storage.Sqlite;
using Roundup.Testing;

namespace Roundup.Storage.Tests.Sqlite;

/// <summary>Issue bodies as the SQLite file keeps them: JSON written by older versions still reads.</summary>
public sealed class SqliteIssueBodyTests : IDisposable
{
    private const string Week = "2025-W26";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_correction_stored_before_the_email_flag_existed_reads_as_not_emailed()
    {
        var path = _dir.File("s.db");
        var issue = new Issue
        {
            Week = IssueWeek.Parse(Week),
            Title = "T",
            Intro = "I",
            Written = new DateTimeOffset(2025, 6, 27, 9, 0, 0, TimeSpan.Zero),
            Sections = [],
            Corrections = [new Correction(ArxivId.Parse("2506.01234"), "Old.", new DateTimeOffset(2025, 6, 28, 9, 0, 0, TimeSpan.Zero)), new Correction(null, "New.", new DateTimeOffset(2025, 6, 29, 9, 0, 0, TimeSpan.Zero), Email: true)],
        };
        await using (var store = await SqliteStore.OpenAsync(path))
        {
            await store.Issues.SaveAsync(issue);
        }

        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT body FROM issues";
            var body = (string)(await read.ExecuteScalarAsync())!;
            Assert.Contains("\"Email\":false", body, StringComparison.Ordinal);
            await using var write = connection.CreateCommand();
            write.CommandText = "UPDATE issues SET body = $b";
            write.Parameters.AddWithValue("$b", body.Replace(",\"Email\":false", "", StringComparison.Ordinal));
            Assert.Equal(1, await write.ExecuteNonQueryAsync());
        }

        await using var reopened = await SqliteStore.OpenAsync(path);
        var read2 = (await reopened.Issues.GetAsync(IssueWeek.Parse(Week)))!;
        Assert.Equal([false, true], read2.Corrections.Select(c => c.Email));
        Assert.Equal("Old.", read2.Corrections[0].Text);
    }
}
