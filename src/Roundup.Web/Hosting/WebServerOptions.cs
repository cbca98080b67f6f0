using System.Net;

namespace Roundup.Web.Hosting;

/// <summary>
/// What the web endpoint needs: the link base (its path is where every page lives, so a reverse proxy can forward
/// the site unchanged), the archive folder, where to listen, an optional PEM certificate and key for HTTPS, and
/// the limits that keep hostile clients cheap.
/// </summary>
public sealed record WebServerOptions
{
    public WebServerOptions(Uri linkBase, string archiveDir)
    {
        ArgumentNullException.ThrowIfNull(linkBase);
        ArgumentException.ThrowIfNullOrWhiteSpace(archiveDir);
        LinkBase = linkBase;
        ArchiveDir = archiveDir;
    }

    /// <summary>Where the confirm and unsubscribe links point (Mail:LinkBase, else Publish:SiteUrl).</summary>
    public Uri LinkBase { get; }

    /// <summary>The static archive that <c>roundup publish</c> writes; served read-only.</summary>
    public string ArchiveDir { get; }

    /// <summary>The list's name, shown on the pages.</summary>
    public string ListName { get; init; } = "Roundup";

    /// <summary>http:// or https:// with an IP address (or localhost) and a port; port 0 picks a free one.</summary>
    public IReadOnlyList<Uri> Urls { get; init; } = [new Uri("http://127.0.0.1:8080/")];

    /// <summary>PEM certificate (chain) for the https URLs.</summary>
    public string? CertificatePem { get; init; }

    /// <summary>PEM private key of <see cref="CertificatePem"/>.</summary>
    public string? CertificateKeyPem { get; init; }

    /// <summary>
    /// POSTs to confirm, unsubscribe and sign up allowed in each <see cref="RateWindow"/> per budget: a genuine link's
    /// subscriber and page, otherwise the client's address (Security/PostBudget).
    /// </summary>
    public int PostsPerWindow { get; init; } = 30;

    public TimeSpan RateWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The reverse proxies whose X-Forwarded-For names the client (addresses as /32 or /128 networks). Empty, the
    /// header is ignored and the client is whoever connects.
    /// </summary>
    public IReadOnlyList<IPNetwork> TrustedProxies { get; init; } = [];

    /// <summary>Whether <c>{base}subscribe</c> offers the sign-up form (double opt-in); off, it is 404.</summary>
    public bool SignUp { get; init; } = true;

    /// <summary>The least time between two confirmation messages to one pending address, whoever asks.</summary>
    public TimeSpan ResendInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The largest request body read; a one-click POST is about 30 bytes.</summary>
    public int MaxBodyBytes { get; init; } = 16 * 1024;

    /// <summary>The path every page lives under, from the link base: <c>/roundup</c> for https://example.org/roundup/, empty for the root.</summary>
    public string PathBase => LinkBase.AbsolutePath.TrimEnd('/');
}
