using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Roundup.Delivery.Transport;

/// <summary>
/// Judges the relay's certificate during one TLS handshake: what the system accepts, or a chain that ends at
/// Mail:Smtp:TrustedCertificate. A certificate for another host is never accepted. When it refuses,
/// <see cref="Problem"/> says why in words a person configuring the relay can act on.
/// </summary>
public sealed class ServerCertificateCheck(string host, CertificateTrust? trust)
{
    public string? Problem { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        Problem = null;
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            Problem = "the relay presented no certificate";
            return false;
        }

        var presented = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            Problem = $"the relay's certificate is for {Names(presented)}, not for '{host}' (Mail:Smtp:Host must be a name the certificate covers; "
                + $"{CertificateTrust.Key} does not lift this check)";
            return false;
        }

        if (trust is null)
        {
            Problem = $"the relay's certificate ({presented.Subject}, issued by {presented.Issuer}) is not trusted: {CertificateTrust.Describe(chain)}; "
                + $"for a private CA or a self-signed relay, give its certificate (PEM or DER) in {CertificateTrust.Key}";
            return false;
        }

        if (trust.Anchors(presented, chain, out var problem))
        {
            return true;
        }

        Problem = $"the relay's certificate ({presented.Subject}, issued by {presented.Issuer}) is not trusted by the system "
            + $"nor by {CertificateTrust.Key} '{trust.File}': {problem}";
        return false;
    }

    private static string Names(X509Certificate2 certificate)
    {
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>()
            .SelectMany(e => e.EnumerateDnsNames().Concat(e.EnumerateIPAddresses().Select(a => a.ToString())))
            .ToList();
        return names.Count == 0 ? certificate.Subject : string.Join(", ", names.Select(n => $"'{n}'"));
    }
}
