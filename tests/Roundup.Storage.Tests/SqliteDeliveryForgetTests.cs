using System.Text;
using Roundup.Delivery;
using Roundup.Storage.Sqlite;
using Roundup.Testing;

namespace Roundup.Storage.Tests;

/// <summary>Erasing a subscriber: the address and name leave the file (not just the table); the hash stays suppressed.</summary>
public sealed class SqliteDeliveryForgetTests : IDisposable
{
    private const string Week = "2025-W26";
    private const string Address = "ada.lovelace.forgettable@example.org";
    private const string Name = "Augusta Ada Forgettable";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Forgetting_deletes_the_subscriber_and_their_outbox_rows_and_keeps_the_hash_suppressed()
    {
        var path = _dir.File("d.db");
        await using var store = await SqliteDeliveryStore.OpenAsync(path);
        var ids = (await store.AddSubscribersAsync([new(Address, Name), new("bob@example.org", "Bob")], SubscriberStatus.Active)).AddedIds;
        await store.EnqueueAsync(Week, "example.org");
        foreach (var item in await store.ClaimAsync(Week, 10))
        {
            await store.MarkSentAsync(Week, item.Row.SubscriberId, "250 ok");
        }

        Assert.Contains(Address, RawText(path), StringComparison.Ordinal);
        var result = await store.ForgetSubscriberAsync("Ada.Lovelace.Forgettable@EXAMPLE.org");

        Assert.Equal(new ForgetResult(ids[0], 1, false), result);
        Assert.Null(await store.GetSubscriberAsync(ids[0]));
        Assert.Null(await store.FindSubscriberAsync(Address));
        Assert.Null(await store.GetOutboxRowAsync(Week, ids[0]));
        Assert.NotNull(await store.GetOutboxRowAsync(Week, ids[1]));
        Assert.Equal(SuppressionReason.Unsubscribed, (await store.GetSuppressionAsync(Address))!.Reason);
        Assert.Equal(1, (await store.AddSubscribersAsync([new(Address, Name)], SubscriberStatus.Active)).Suppressed);

        var raw = RawText(path);
        Assert.DoesNotContain(Address, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Name, raw, StringComparison.Ordinal);
        Assert.Contains("bob@example.org", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgetting_an_unknown_address_suppresses_it_and_a_suppressed_one_keeps_its_reason()
    {
        await using var store = await SqliteDeliveryStore.OpenAsync(_dir.File("d.db"));
        await store.SuppressAddressAsync("bounced@example.org", SuppressionReason.Bounced);

        Assert.Equal(new ForgetResult(null, 0, false), await store.ForgetSubscriberAsync("stranger@example.org"));
        Assert.Equal(new ForgetResult(null, 0, true), await store.ForgetSubscriberAsync("bounced@example.org"));
        Assert.Equal(SuppressionReason.Unsubscribed, (await store.GetSuppressionAsync("stranger@example.org"))!.Reason);
        Assert.Equal(SuppressionReason.Bounced, (await store.GetSuppressionAsync("bounced@example.org"))!.Reason);
    }

    /// <summary>The bytes of the database file and its write-ahead log, as Latin-1 text, to look for leftovers.</summary>
    private static string RawText(string path)
    {
        var text = new StringBuilder();
        foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            text.Append(Encoding.Latin1.GetString(memory.ToArray()));
        }

        return text.ToString();
    }
}
