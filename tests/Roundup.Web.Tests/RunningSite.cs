using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Roundup.Delivery;
using Roundup.Delivery.Messages;
using Roundup.Delivery.Tokens;
using Roundup.Delivery.Transport;
using Roundup.Storage.Sqlite;
using Roundup.Testing;
using Roundup.Testing.Http;
using Roundup.Web.Hosting;
using Roundup.Web.SignUp;

namespace Roundup.Web.Tests;

/// <summary>
/// The web endpoint as it runs: Kestrel on 127.0.0.1 with a free port, a real SQLite store in a temporary folder,
/// a signer on a clock the test moves, and a plain HttpClient (no cookies, no redirects followed).
/// </summary>
public sealed class RunningSite : IAsyncDisposable
{
    public const string Week = "2025-W26";
    private static readonly byte[] Key = "web endpoint test key, 32 bytes or more"u8.ToArray();
    private readonly ILoggerFactory _factory;

    private RunningSite(TempDirectory dir, SqliteDeliveryStore store, FakeTimeProvider time, TokenSigner signer, RoundupWebServer server, HttpClient client, RecordingLogger<RunningSite> logs, ILoggerFactory factory)
    {
        Dir = dir;
        Store = store;
        Time = time;
        Signer = signer;
        Server = server;
        Client = client;
        Logs = logs;
        _factory = factory;
    }

    public TempDirectory Dir { get; }

    public SqliteDeliveryStore Store { get; }

    public FakeTimeProvider Time { get; }

    public TokenSigner Signer { get; }

    public RoundupWebServer Server { get; }

    public HttpClient Client { get; }

    public RecordingLogger<RunningSite> Logs { get; }

    /// <summary>The site's root, e.g. http://127.0.0.1:41234/roundup/.</summary>
    public Uri Base => Server.Addresses[0];

    public string ArchiveDir => Dir.File("site");

    /// <summary>The pickup folder the sign-up form's confirmation messages are written to.</summary>
    public string MailDir => Dir.File("mail");

    public static async Task<RunningSite> StartAsync(Func<WebServerOptions, WebServerOptions>? configure = null, HttpMessageHandler? handler = null)
    {
        var dir = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 27, 9, 0, 0, TimeSpan.Zero));
        var store = await SqliteDeliveryStore.OpenAsync(dir.File("roundup.db"), time);
        var signer = new TokenSigner(Key, time);
        var options = new WebServerOptions(new Uri("https://example.org/roundup/"), dir.File("site"))
        {
            ListName = "Roundup <Weekly>",
            Urls = [new Uri("http://127.0.0.1:0/")],
        };
        options = configure?.Invoke(options) ?? options;
        var logs = new RecordingLogger<RunningSite>();
        var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new RecordingProvider(logs)));
        try
        {
            // The sign-up form's confirmations go to a real pickup folder, as `roundup serve` does by default.
            var list = new MailingList(new MimeKit.MailboxAddress("Roundup", "roundup@example.org"), options.LinkBase);
            var mail = new SignUpMail(new PickupFolder(dir.File("mail")), new MessageBuilder(list, signer, time));
            var server = await RoundupWebServer.StartAsync(options, store, signer, mail, factory);
            var client = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
            return new RunningSite(dir, store, time, signer, server, client, logs, factory);
        }
        catch
        {
            factory.Dispose();
            await store.DisposeAsync();
            dir.Dispose();
            handler?.Dispose();
            throw;
        }
    }

    public async Task<Subscriber> AddAsync(string email, SubscriberStatus status = SubscriberStatus.Active)
    {
        await Store.AddSubscribersAsync([new SubscriberImport(email, "Reader")], status);
        return (await Store.FindSubscriberAsync(email))!;
    }

    public string UnsubscribeToken(long id) => Signer.Create(TokenPurpose.Unsubscribe, id, Week, TimeSpan.FromDays(365));

    public string ConfirmToken(long id) => Signer.Create(TokenPurpose.Confirm, id, "", TimeSpan.FromDays(7));

    /// <summary>An unsubscribe token as a forger would make it: well-formed, for a real subscriber, signed with a key that is not the list's.</summary>
    public string ForgedUnsubscribeToken(long id) =>
        new TokenSigner("a forger's key, not the list's, 32 bytes+"u8.ToArray(), Time).Create(TokenPurpose.Unsubscribe, id, Week, TimeSpan.FromDays(365));

    public Uri Link(string page, string token) => new(Base, $"{page}?t={token}");

    public static FormUrlEncodedContent OneClick() => new([new("List-Unsubscribe", "One-Click")]);

    public Task<HttpResponseMessage> PostAsync(Uri url, HttpContent content) => Client.PostAsync(url, content);

    /// <summary>A POST carrying <c>X-Forwarded-For: <paramref name="forwardedFor"/></c>, as a reverse proxy (or a client pretending to be one) sends it.</summary>
    public async Task<HttpResponseMessage> PostForwardedAsync(Uri url, HttpContent content, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await Client.SendAsync(request);
    }

    public async Task<SubscriberStatus> StatusAsync(long id) => (await Store.GetSubscriberAsync(id))!.Status;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        await Store.DisposeAsync();
        _factory.Dispose();
        Dir.Dispose();
    }

    /// <summary>What a response says, for assertions and failure messages.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    private sealed class RecordingProvider(RecordingLogger<RunningSite> logger) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
