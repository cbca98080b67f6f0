using System.Text;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Roundup.Delivery;
using Roundup.Delivery.Messages;
using Roundup.Delivery.Sending;
using Roundup.Delivery.Tokens;
using Roundup.Delivery.Transport;
using Roundup.Storage.Sqlite;
using Roundup.Testing;
using Roundup.Testing.Http;

namespace Roundup.Delivery.Tests;

/// <summary>A real SQLite delivery store in a temp folder, a signer, a message builder and a recording logger.</summary>
public sealed class DeliveryFixture : IAsyncDisposable
{
    public static readonly MailingKey Week = MailingKey.Parse("2025-W26");
    public const string Secret = "a test secret that is long enough for HMAC-SHA256";

    private DeliveryFixture(TempDirectory dir, SqliteDeliveryStore store)
    {
        Dir = dir;
        Store = store;
        Signer = new TokenSigner(Encoding.UTF8.GetBytes(Secret), TimeProvider.System);
        List = new MailingList(new MailboxAddress("Roundup", "issues@roundup.example.org"), new Uri("https://roundup.example.org/list"), "unsubscribe@roundup.example.org");
        Builder = new MessageBuilder(List, Signer, TimeProvider.System);
    }

    public TempDirectory Dir { get; }

    public SqliteDeliveryStore Store { get; }

    public TokenSigner Signer { get; }

    public MailingList List { get; }

    public MessageBuilder Builder { get; }

    public RecordingLogger<DeliveryRun> Logs { get; } = new();

    public string DatabasePath => Dir.File("roundup.db");

    public static async Task<DeliveryFixture> CreateAsync()
    {
        var dir = new TempDirectory();
        return new DeliveryFixture(dir, await SqliteDeliveryStore.OpenAsync(dir.File("roundup.db")));
    }

    public static string Address(int i) => $"reader{i:D3}@mail.example.org";

    /// <summary>Adds <paramref name="count"/> active subscribers (reader001@…, named "Reader 1", …) and returns their ids.</summary>
    public async Task<IReadOnlyList<long>> AddReadersAsync(int count) =>
        (await Store.AddSubscribersAsync(
            Enumerable.Range(1, count).Select(i => new SubscriberImport(Address(i), $"Reader {i}")).ToList(),
            SubscriberStatus.Active)).AddedIds;

    public DeliveryRun Run(IMailTransportFactory transport, DeliveryOptions? options = null) =>
        new(Store, transport, Builder, options ?? new DeliveryOptions { RetryDelay = TimeSpan.FromMilliseconds(10) }, TimeProvider.System, Logs);

    public static SmtpTransportFactory Smtp(int port, string? user = null, string? password = null) =>
        new(new SmtpRelay("127.0.0.1", port, SmtpSecurity.None) { User = user, Password = password, Timeout = TimeSpan.FromSeconds(20) });

    /// <summary>Fails the test if any log line names a subscriber's address.</summary>
    public void AssertNoAddressInLogs()
    {
        Assert.NotEmpty(Logs.Entries);
        Assert.DoesNotContain(Logs.Entries, e => e.Message.Contains("@mail.example.org", StringComparison.OrdinalIgnoreCase));
    }

    public static MimeMessage Parse(string file) => MimeMessage.Load(file);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Dir.Dispose();
    }
}
