using System.Text;
using Microsoft.Data.Sqlite;
using Roundup.Delivery;
using Roundup.Storage.Sqlite;
using Roundup.Testing;

namespace Roundup.Storage.Tests.Sqlite;

/// <summary>
/// What only the SQLite file can show of delivery: suppressions kept as hashes in the table, an erased address gone
/// from the file's bytes and its write-ahead log (not just the table), and the sender lock as a file beside the database.
/// </summary>
public sealed class SqliteDeliveryFileTests : IDisposable
{
    private static readonly MailingKey Week = MailingKey.Parse("2025-W26");
    private const string Address = "ada.lovelace.forgettable@example.org";
    private const string Name = "Augusta Ada Forgettable";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_suppression_list_keeps_hashes_not_addresses()
    {
        var path = _dir.File("d.db");
        await using (var store = await SqliteDeliveryStore.OpenAsync(path))
        {
            await store.SuppressAddressAsync("secret.person@example.org", SuppressionReason.Bounced);
        }

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT address_hash FROM suppressions";
        var stored = (string)(await command.ExecuteScalarAsync())!;
        Assert.Equal(AddressKey.Hash("secret.person@example.org"), stored);
        Assert.DoesNotContain("secret", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgetting_leaves_neither_the_address_nor_the_name_in_the_file_or_its_log()
    {
        var path = _dir.File("d.db");
        await using var store = await SqliteDeliveryStore.OpenAsync(path);
        await store.AddSubscribersAsync([new(Address, Name), new("bob@example.org", "Bob")], SubscriberStatus.Active);
        await store.EnqueueAsync(Week, "example.org");
        foreach (var item in await store.ClaimAsync(Week, 10, new OutboxLease("test", TimeSpan.FromMinutes(1))))
        {
            await store.MarkSentAsync(Week, item.Row.SubscriberId, "250 ok");
        }

        Assert.Contains(Address, RawText(path), StringComparison.Ordinal);
        await store.ForgetSubscriberAsync("Ada.Lovelace.Forgettable@EXAMPLE.org");

        var raw = RawText(path);
        Assert.DoesNotContain(Address, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Name, raw, StringComparison.Ordinal);
        Assert.Contains("bob@example.org", raw, StringComparison.Ordinal);
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
