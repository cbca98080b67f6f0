using Microsoft.Data.Sqlite;
using Roundup.Calendar;
using Roundup.Delivery;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Storage.Sqlite;
using Roundup.Testing;

namespace Roundup.Storage.Tests;

/// <summary>Who an erratum mailing goes to: those whose copy of the issue was sent and who are still active, fixed at the first enqueue.</summary>
public sealed class ErratumMailingTests : IDisposable
{
    private const string Week = "2025-W26";
    private const string Domain = "roundup.example.org";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static SubscriberImport S(string email) => new(email, null);

    private static async Task SendAllAsync(SqliteDeliveryStore store, string key)
    {
        foreach (var item in await store.ClaimAsync(key, 100))
        {
            await store.MarkSentAsync(key, item.Row.SubscriberId, "250 ok");
        }
    }

    [Fact]
    public async Task An_erratum_goes_only_to_active_subscribers_whose_issue_copy_was_sent_and_its_audience_is_fixed_at_first_enqueue()
    {
        await using var store = await SqliteDeliveryStore.OpenAsync(_dir.File("d.db"));
        var ids = (await store.AddSubscribersAsync([S("sent@example.org"), S("left@example.org"), S("deferred@example.org"), S("pending@example.org"), S("also-sent@example.org")], SubscriberStatus.Active)).AddedIds;
        Assert.Equal(5, await store.EnqueueAsync(Week, Domain));
        var claimed = await store.ClaimAsync(Week, 100);
        foreach (var item in claimed)
        {
            var id = item.Row.SubscriberId;
            if (id == ids[2])
            {
                await store.MarkDeferredAsync(Week, id, DateTimeOffset.UtcNow.AddHours(1), "451 later");
            }
            else if (id == ids[3])
            {
                await store.ReleaseAsync(Week, id);
            }
            else
            {
                await store.MarkSentAsync(Week, id, "250 ok");
            }
        }

        await store.SuppressAsync(ids[1], SuppressionReason.Unsubscribed);
        var joined = (await store.AddSubscribersAsync([S("joined-later@example.org")], SubscriberStatus.Active)).AddedIds[0];
        var erratum = MailingKey.Erratum(Week, 1);

        var due = await store.ListDueRecipientsAsync(erratum, 0, 100);
        Assert.Equal([ids[0], ids[4]], due.Select(s => s.Id));
        Assert.Equal(2, await store.EnqueueAsync(erratum, Domain));
        Assert.NotNull(await store.GetOutboxRowAsync(erratum, ids[0]));
        Assert.Null(await store.GetOutboxRowAsync(erratum, joined));
        Assert.Null(await store.GetOutboxRowAsync(erratum, ids[2]));

        // The deferred and the pending reader get the issue now (it shows the correction): the erratum gains nobody.
        await store.MarkSentAsync(Week, ids[2], "250 ok");
        await SendAllAsync(store, Week);
        Assert.Equal(5, (await store.CountAsync(Week)).Sent);
        Assert.Equal(0, await store.EnqueueAsync(erratum, Domain));
        Assert.Equal([ids[0], ids[4]], (await store.ListDueRecipientsAsync(erratum, 0, 100)).Select(s => s.Id));

        await SendAllAsync(store, erratum);
        Assert.Empty(await store.ListDueRecipientsAsync(erratum, 0, 100));
        Assert.Equal(2, (await store.CountAsync(erratum)).Sent);

        // A second erratum is a mailing of its own, to every active reader the issue has reached by now.
        var second = MailingKey.Erratum(Week, 2);
        Assert.Equal(4, await store.EnqueueAsync(second, Domain));
        Assert.Null(await store.GetOutboxRowAsync(second, ids[1]));
        Assert.Null(await store.GetOutboxRowAsync(second, joined));
    }

    [Fact]
    public async Task An_issue_mailing_is_not_limited_and_erratum_keys_are_recognised_exactly()
    {
        Assert.Equal("2025-W26-erratum-3", MailingKey.Erratum(Week, 3));
        Assert.Equal(Week, MailingKey.ErratumOf("2025-W26-erratum-12"));
        Assert.Null(MailingKey.ErratumOf(Week));
        Assert.Null(MailingKey.ErratumOf("2025-W26-erratum-"));
        Assert.Null(MailingKey.ErratumOf("2025-W26-erratum-02"));
        Assert.Null(MailingKey.ErratumOf("2025-W26-erratum-2x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => MailingKey.Erratum(Week, 0));

        await using var store = await SqliteDeliveryStore.OpenAsync(_dir.File("d.db"));
        await store.AddSubscribersAsync([S("a@example.org"), S("b@example.org")], SubscriberStatus.Active);
        Assert.Equal(2, (await store.ListDueRecipientsAsync(Week, 0, 10)).Count);
        Assert.Equal(0, await store.EnqueueAsync(MailingKey.Erratum(Week, 1), Domain));
        Assert.Equal(2, await store.EnqueueAsync(Week, Domain));
    }

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
