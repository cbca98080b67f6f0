using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Roundup.Delivery.Tests.Transport;

/// <summary>
/// A private certificate authority made for one test, as a company relay would have: it issues server certificates
/// for any host name, written as PEM files a local TLS server can present.
/// </summary>
internal sealed class TestAuthority : IDisposable
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    private TestAuthority(X509Certificate2 certificate) => Certificate = certificate;

    /// <summary>The CA's certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    public static TestAuthority Create(string subject = "CN=Roundup Test Private CA")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = DateTimeOffset.UtcNow;
        return new TestAuthority(request.CreateSelfSigned(now.AddMinutes(-10), now.AddDays(3)));
    }

    /// <summary>Writes the CA's certificate alone, PEM or DER, for the client to trust.</summary>
    public string WriteCertificate(string path, bool der = false)
    {
        if (der)
        {
            File.WriteAllBytes(path, Certificate.Export(X509ContentType.Cert));
        }
        else
        {
            File.WriteAllText(path, Certificate.ExportCertificatePem());
        }

        return path;
    }

    /// <summary>
    /// Issues a server certificate for <paramref name="dnsName"/> and writes <c>NAME.crt.pem</c> (the certificate
    /// followed by the CA's, as servers send their chain) and <c>NAME.key.pem</c> into <paramref name="folder"/>.
    /// </summary>
    public (string CertificatePem, string KeyPem) Issue(string folder, string name, string dnsName)
    {
        Directory.CreateDirectory(folder);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + dnsName, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuthentication], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(Certificate, now.AddMinutes(-5), now.AddDays(2), RandomNumberGenerator.GetBytes(12));
        var certificatePem = Path.Combine(folder, name + ".crt.pem");
        var keyPem = Path.Combine(folder, name + ".key.pem");
        File.WriteAllText(certificatePem, issued.ExportCertificatePem() + "\n" + Certificate.ExportCertificatePem() + "\n");
        File.WriteAllText(keyPem, key.ExportPkcs8PrivateKeyPem());
        return (certificatePem, keyPem);
    }

    public void Dispose() => Certificate.Dispose();
}
