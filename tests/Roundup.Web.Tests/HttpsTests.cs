using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Roundup.Delivery;
using Roundup.Testing;
using Roundup.Testing.Certificates;

namespace Roundup.Web.Tests;

/// <summary>HTTPS from a PEM certificate and key, checked by a client that trusts exactly that certificate.</summary>
public sealed class HttpsTests
{
    [Fact]
    public async Task The_site_answers_over_https_with_the_configured_certificate()
    {
        using var folder = new TempDirectory();
        using var certificate = TestCertificate.Create(folder.Path);
        using var trusted = X509Certificate2.CreateFromPem(File.ReadAllText(certificate.CertificatePem));
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, presented, _, errors) => TrustsOnly(trusted, presented, errors) },
        };
        await using var site = await RunningSite.StartAsync(
            o => o with { Urls = [new Uri("https://127.0.0.1:0/")], CertificatePem = certificate.CertificatePem, CertificateKeyPem = certificate.KeyPem },
            handler);

        Assert.Equal("https", site.Base.Scheme);
        var reader = await site.AddAsync("grace@mail.example.org");
        var (status, body) = await RunningSite.ReadAsync(await site.PostAsync(site.Link("unsubscribe", site.UnsubscribeToken(reader.Id)), RunningSite.OneClick()));
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal(SubscriberStatus.Unsubscribed, await site.StatusAsync(reader.Id));

        // A client that trusts only the system's roots refuses the self-signed certificate: TLS is really in use.
        using var stranger = new HttpClient();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => stranger.GetAsync(site.Base));
        Assert.IsType<AuthenticationException>(refused.InnerException);
    }

    [Fact]
    public async Task An_https_url_without_a_certificate_or_with_a_missing_file_does_not_start()
    {
        var missing = await Assert.ThrowsAsync<ArgumentException>(() => RunningSite.StartAsync(o => o with { Urls = [new Uri("https://127.0.0.1:0/")] }));
        Assert.Contains("PEM certificate", missing.Message, StringComparison.Ordinal);

        var absent = await Assert.ThrowsAsync<FileNotFoundException>(() => RunningSite.StartAsync(o => o with
        {
            Urls = [new Uri("https://127.0.0.1:0/")],
            CertificatePem = "/nonexistent/site.crt.pem",
            CertificateKeyPem = "/nonexistent/site.key.pem",
        }));
        Assert.Contains("/nonexistent/site.crt.pem", absent.Message, StringComparison.Ordinal);
    }

    private static bool TrustsOnly(X509Certificate2 trusted, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var certificate = new X509Certificate2(presented);
        return chain.Build(certificate);
    }
}
