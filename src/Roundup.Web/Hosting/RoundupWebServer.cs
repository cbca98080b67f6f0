using Roundup.Application.Settings;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Roundup.Delivery;
using Roundup.Delivery.Subscribers;
using Roundup.Delivery.Tokens;
using Roundup.Web.Archive;
using Roundup.Web.Desk;
using Roundup.Web.Forwarding;
using Roundup.Web.Links;
using Roundup.Web.Security;
using Roundup.Web.SignUp;

namespace Roundup.Web.Hosting;

/// <summary>
/// The web endpoint of a list: the confirm and unsubscribe pages of the signed links (RFC 8058 one-click included),
/// the sign-up form (double opt-in) and the static archive, under the link base's path, on Kestrel. Start it, read <see cref="Addresses"/>, stop it.
/// </summary>
public sealed class RoundupWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IDisposable[] _owned;

    private RoundupWebServer(WebApplication app, IReadOnlyList<Uri> addresses, params IDisposable?[] owned)
    {
        _app = app;
        Addresses = addresses;
        _owned = [.. owned.OfType<IDisposable>()];
    }

    /// <summary>Where the site answers, one per bound address, with the real port and the path base: <c>http://127.0.0.1:41234/roundup/</c>.</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>The server's services (the desk's jobs among them).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Binds every URL of <paramref name="options"/> and starts answering; throws when a certificate cannot be read or
    /// an address cannot be bound. <paramref name="signUp"/> sends the sign-up form's confirmations; it is required
    /// when <see cref="WebServerOptions.SignUp"/> is on.
    /// </summary>
    public static async Task<RoundupWebServer> StartAsync(WebServerOptions options, ISubscriberStore store, TokenSigner signer, SignUpMail? signUp, ILoggerFactory logs, CancellationToken cancellationToken = default) =>
        await StartAsync(options, store, signer, signUp, null, logs, cancellationToken);

    /// <summary>As above, with the curator's desk under <c>desk/</c> when <paramref name="desk"/> is given.</summary>
    public static async Task<RoundupWebServer> StartAsync(WebServerOptions options, ISubscriberStore store, TokenSigner signer, SignUpMail? signUp, DeskServices? desk, ILoggerFactory logs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SignUp && signUp is null)
        {
            throw new ArgumentException("the sign-up form (SignUp) needs a mail transport and message builder to send its confirmations", nameof(signUp));
        }

        var listen = options.Urls.Select(ListenAddress.Parse).ToList();
        X509Certificate2? certificate = null;
        WebApplication? app = null;
        try
        {
            // Kestrel presents the certificate for as long as it runs: the server owns it.
            certificate = listen.Any(l => l.Https) ? LoadCertificate(options) : null;
            var archive = ArchiveFiles.Open(options.ArchiveDir, logs.CreateLogger("Roundup.Web.Archive"));
            app = Build(options, listen, certificate, archive, store, signer, signUp, desk, logs);
            await app.StartAsync(cancellationToken);
            var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            var pathBase = options.PathBase + "/";
            return new RoundupWebServer(app, [.. bound.Select(a => new Uri(a.TrimEnd('/') + pathBase))], certificate);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            certificate?.Dispose();
            throw;
        }
    }

    private static WebApplication Build(WebServerOptions options, List<ListenAddress> listen, X509Certificate2? certificate, ArchiveFileProvider archive, ISubscriberStore store, TokenSigner signer, SignUpMail? signUp, DeskServices? desk, ILoggerFactory logs)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, Args = [] });
        // Only what is passed in counts: no appsettings.json, ASPNETCORE_* or Kestrel section from the working directory.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ILoggerProvider>(_ => new ForwardingLoggerProvider(logs));
        // ASP.NET Core's request logs carry URLs, and these URLs carry tokens.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        // A failed start (the port is taken) reaches the caller as an exception; the host need not log it as well.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.AddSingleton<IHostLifetime, ExternalLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        builder.Services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = options.MaxBodyBytes;
            o.MultipartHeadersLengthLimit = 1024;
            o.MultipartHeadersCountLimit = 8;
            o.ValueCountLimit = 16;
            o.KeyLengthLimit = 64;
            o.ValueLengthLimit = 1024;
            o.BufferBodyLengthLimit = options.MaxBodyBytes;
        });
        builder.Services.AddPostRateLimit(options, signer);
        if (desk is not null)
        {
            builder.Services.AddDesk(options, desk);
        }
        if (options.SignUp)
        {
            // The container owns the queue: it starts and stops it with the server and disposes it.
            builder.Services.AddSingleton(_ => new ConfirmationQueue(new ConfirmationMailer(store, signUp!.Transport, signUp.Builder, logs.CreateLogger<ConfirmationMailer>()), logs.CreateLogger("Roundup.Web.SignUp")));
            builder.Services.AddHostedService(services => services.GetRequiredService<ConfirmationQueue>());
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            kestrel.Limits.MaxRequestLineSize = 4096;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            foreach (var address in listen)
            {
                kestrel.Listen(address.Address, address.Port, endpoint =>
                {
                    if (address.Https)
                    {
                        endpoint.UseHttps(certificate!);
                    }
                });
            }
        });

        var app = builder.Build();
        // First, so that everything after it, the rate limiter above all, sees the client a trusted proxy names.
        app.UseForwardedClient(options.TrustedProxies);
        app.UseMiddleware<SecurityHeaders>();
        app.UseSitePath(options.PathBase);
        app.UseFolderSlash();
        app.UseRouting();
        app.UseRateLimiter();
        if (desk is not null)
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseMiddleware<DeskFormGuard>();
        }

        app.UseArchiveFiles(archive);
        new LinkEndpoints(new SubscriptionLinks(store, signer), signer, options.ListName, options.MaxBodyBytes, logs.CreateLogger("Roundup.Web.Links")).Map(app);
        if (options.SignUp)
        {
            new SignUpEndpoints(store, app.Services.GetRequiredService<ConfirmationQueue>(), options.ListName, options.MaxBodyBytes, options.ResendInterval, logs.CreateLogger("Roundup.Web.SignUp")).Map(app);
        }

        if (desk is not null)
        {
            new DeskEndpoints(options.ListName, logs.CreateLogger("Roundup.Web.Desk")).Map(app);
        }

        return app;
    }

    /// <summary>Completes when <paramref name="cancellationToken"/> is cancelled (Ctrl-C, SIGTERM) or the server stops by itself.</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStop = _app.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        using var onCancel = cancellationToken.Register(() => stopping.TrySetResult());
        await stopping.Task;
    }

    /// <summary>Stops accepting requests and lets those in flight finish (for at most a second).</summary>
    public Task StopAsync() => _app.StopAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    private static X509Certificate2 LoadCertificate(WebServerOptions options)
    {
        if (string.IsNullOrEmpty(options.CertificatePem) || string.IsNullOrEmpty(options.CertificateKeyPem))
        {
            throw new ArgumentException("an https URL needs a PEM certificate and its key", nameof(options));
        }

        foreach (var path in new[] { options.CertificatePem, options.CertificateKeyPem })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"the certificate file {Path.GetFullPath(path)} does not exist", path);
            }
        }

        try
        {
            return X509Certificate2.CreateFromPemFile(options.CertificatePem, options.CertificateKeyPem);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new FormatException($"{options.CertificatePem} with {options.CertificateKeyPem}: not a PEM certificate and matching private key ({e.Message})", e);
        }
    }
}
