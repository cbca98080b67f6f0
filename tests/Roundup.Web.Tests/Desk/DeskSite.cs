using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Roundup.Application.Curators;
using Roundup.Application.Delivering;
using Roundup.Application.Distributing;
using Roundup.Application.Hosting;
using Roundup.Application.Settings;
using Roundup.Storage;
using Roundup.Testing;
using Roundup.Web.Desk;
using Roundup.Web.Hosting;
using Roundup.Web.SignUp;

namespace Roundup.Web.Tests.Desk;

/// <summary>
/// <c>roundup serve</c> with its desk as the tests meet it: a host on options whose every folder is in a temporary
/// directory, a real SQLite store, real Kestrel on a loopback port, curator "alice" with <see cref="Password"/>, and a
/// client that keeps cookies and does not follow redirects.
/// </summary>
public sealed partial class DeskSite : IAsyncDisposable
{
    public const string Curator = "alice";
    public const string Password = "a long enough passphrase";

    private DeskSite(TempDirectory dir, FakeTimeProvider time, RoundupHost host, IRoundupStore store, RoundupWebServer server)
    {
        Dir = dir;
        Time = time;
        Host = host;
        Store = store;
        Server = server;
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
    }

    public TempDirectory Dir { get; }

    public FakeTimeProvider Time { get; }

    public RoundupHost Host { get; }

    public IRoundupStore Store { get; }

    public RoundupWebServer Server { get; }

    public HttpClient Client { get; }

    /// <summary>The desk's address: <c>http://127.0.0.1:PORT/roundup/desk/</c>.</summary>
    public Uri Desk => new(Server.Addresses[0], "desk/");

    public Uri Base => Server.Addresses[0];

    /// <summary>Options with every folder and file under <paramref name="dir"/>, the mail written as .eml files.</summary>
    public static RoundupOptions DefaultOptions(TempDirectory dir) => new()
    {
        Store = new StoreOptions { Path = dir.File("roundup.db") },
        Selection = new SelectionOptions { FullTextDir = dir.File("fulltext"), TasteModel = dir.File("taste"), Profile = dir.File("profile.yaml") },
        Publish = new PublishOptions { ArchiveDir = dir.File("site"), PreviewDir = dir.File("preview"), SiteUrl = "https://example.org/roundup/", Title = "Desk Weekly" },
        Mail = new MailOptions { PickupDir = dir.File("mail"), Secret = "desk test key, 32 bytes or more, really", LinkBase = "https://example.org/roundup/" },
        Serve = new ServeOptions { DeskKeysDir = dir.File("desk-keys") },
    };

    /// <summary>Starts the site; <paramref name="options"/> (made from the temporary folder) replaces the defaults.</summary>
    public static async Task<DeskSite> StartAsync(Func<TempDirectory, RoundupOptions>? options = null, DateTimeOffset? now = null, Func<WebServerOptions, WebServerOptions>? web = null, IWorkDispatcher? work = null)
    {
        var dir = new TempDirectory();
        var time = new FakeTimeProvider(now ?? new DateTimeOffset(2025, 6, 27, 9, 0, 0, TimeSpan.Zero));
        var host = new RoundupHost((options ?? DefaultOptions)(dir), NullLoggerFactory.Instance, time) { Work = work };
        var store = await host.StoreAsync(CancellationToken.None);
        await store.Curators.AddAsync(Curator, ManageCurators.Hash(Password));
        var mail = await MailSetup.OpenAsync(host, CancellationToken.None);
        var site = new WebServerOptions(new Uri("https://example.org/roundup/"), host.Options.Publish.ArchiveDir) { Urls = [new Uri("http://127.0.0.1:0/")], SignUp = false, ListName = "Desk Weekly" };
        var server = await RoundupWebServer.StartAsync(web is null ? site : web(site), mail.Subscribers, mail.Signer, new SignUpMail(mail.Transport, mail.Builder), new DeskServices(host, store, host.Options.Serve.DeskKeysDir), NullLoggerFactory.Instance);
        return new DeskSite(dir, time, host, store, server);
    }

    /// <summary>Signs <see cref="Client"/> in as alice and returns the desk's home page.</summary>
    public async Task<string> SignInAsync(string name = Curator, string password = Password)
    {
        using var answer = await PostSignInAsync(name, password);
        if (answer.StatusCode != HttpStatusCode.SeeOther)
        {
            throw new InvalidOperationException($"sign-in as {name} answered {(int)answer.StatusCode}");
        }

        return await GetStringAsync("");
    }

    public async Task<HttpResponseMessage> PostSignInAsync(string name, string password)
    {
        var page = await GetStringAsync("sign-in");
        return await Client.PostAsync(new Uri(Desk, "sign-in"), Form(FormToken(page), ("name", name), ("password", password)), TestContext.Current.CancellationToken);
    }

    /// <summary>GETs a desk page (relative to <see cref="Desk"/>).</summary>
    public Task<string> GetStringAsync(string relative) => Client.GetStringAsync(new Uri(Desk, relative), TestContext.Current.CancellationToken);

    public Task<HttpResponseMessage> GetAsync(string relative) => Client.GetAsync(new Uri(Desk, relative), TestContext.Current.CancellationToken);

    /// <summary>POSTs a form to a desk URL with the antiforgery token of <paramref name="page"/> (none when null).</summary>
    public Task<HttpResponseMessage> PostAsync(string relative, string? page, params (string Name, string Value)[] fields) =>
        Client.PostAsync(new Uri(Desk, relative), Form(page is null ? null : FormToken(page), fields), TestContext.Current.CancellationToken);

    /// <summary>The antiforgery token a desk page's forms carry.</summary>
    public static string FormToken(string page) => AntiforgeryInput().Match(page).Groups[1].Value;

    public static FormUrlEncodedContent Form(string? antiforgery, params (string Name, string Value)[] fields) =>
        new([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), .. antiforgery is null ? [] : new[] { new KeyValuePair<string, string>(DeskLimits.AntiforgeryField, antiforgery) }]);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        await Host.DisposeAsync();
        Dir.Dispose();
    }

    [GeneratedRegex("name=\"__form\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
