using Roundup.Application.Settings;

namespace Roundup.Web.Hosting;

/// <summary>The configuration section <c>Serve</c> read into the web server's options.</summary>
public static class ServeSettings
{
    /// <summary>The web server's options for a list whose links point at <paramref name="linkBase"/>.</summary>
    public static WebServerOptions Server(this ServeOptions serve, Uri linkBase, string archiveDir, string listName)
    {
        ArgumentNullException.ThrowIfNull(serve);
        return new(linkBase, archiveDir)
        {
            ListName = listName,
            Urls = [.. serve.UrlList().Select(u => new Uri(u))],
            CertificatePem = string.IsNullOrWhiteSpace(serve.Certificate) ? null : serve.Certificate,
            CertificateKeyPem = string.IsNullOrWhiteSpace(serve.CertificateKey) ? null : serve.CertificateKey,
            TrustedProxies = [.. serve.TrustedProxies.Select(p => TrustedProxy.Parse(p.Trim()))],
            PostsPerWindow = serve.PostsPerMinute,
            RateWindow = TimeSpan.FromMinutes(1),
            MaxBodyBytes = serve.MaxBodyBytes,
            SignUp = serve.SignUp,
            ResendInterval = TimeSpan.FromMinutes(serve.ResendMinutes),
        };
    }
}
