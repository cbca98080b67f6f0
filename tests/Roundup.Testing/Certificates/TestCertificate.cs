using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Roundup.Testing.Certificates;

/// <summary>
/// A self-signed certificate for localhost and 127.0.0.1, made fresh for a test and written as PEM files, so a
/// local TLS server (aiosmtpd, Kestrel) can present it and the client under test can be told to trust it.
/// </summary>
public sealed class TestCertificate : IDisposable
{
    private TestCertificate(X509Certificate2 certificate, string certificatePem, string keyPem)
    {
        Certificate = certificate;
        CertificatePem = certificatePem;
        KeyPem = keyPem;
    }

    /// <summary>The certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Path of the certificate alone (what a client trusts).</summary>
    public string CertificatePem { get; }

    /// <summary>Path of the unencrypted PKCS#8 private key (what the server needs beside the certificate).</summary>
    public string KeyPem { get; }

    /// <summary>Creates the certificate and writes <c>NAME.crt.pem</c> and <c>NAME.key.pem</c> into <paramref name="folder"/>.</summary>
    public static TestCertificate Create(string folder, string name = "localhost", string subject = "CN=localhost")
    {
        Directory.CreateDirectory(folder);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));
        var certificatePem = Path.Combine(folder, name + ".crt.pem");
        var keyPem = Path.Combine(folder, name + ".key.pem");
        File.WriteAllText(certificatePem, certificate.ExportCertificatePem());
        File.WriteAllText(keyPem, key.ExportPkcs8PrivateKeyPem());
        return new TestCertificate(certificate, certificatePem, keyPem);
    }

    public void Dispose() => Certificate.Dispose();
}
