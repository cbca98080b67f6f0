using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Roundup.Delivery.Transport;

/// <summary>
/// Certificates trusted as roots in addition to the system store (Mail:Smtp:TrustedCertificate): a private CA, or a
/// relay's own self-signed certificate. Only the chain is relaxed; the host name is always checked by TLS itself.
/// </summary>
public sealed class CertificateTrust
{
    public const string Key = "Mail:Smtp:TrustedCertificate";
    private const string PemCertificate = "-----BEGIN CERTIFICATE-----";
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private readonly X509Certificate2Collection _roots;

    private CertificateTrust(string file, X509Certificate2Collection roots)
    {
        File = file;
        _roots = roots;
    }

    /// <summary>The file the certificates came from, for messages.</summary>
    public string File { get; }

    public int Count => _roots.Count;

    /// <summary>
    /// Reads a PEM file (one certificate or several, e.g. a CA bundle) or a DER certificate. A missing or unreadable
    /// file is an <see cref="InvalidDataException"/> naming the key and the path.
    /// </summary>
    public static CertificateTrust Load(string file)
    {
        var path = Path.GetFullPath(file);
        if (!System.IO.File.Exists(path))
        {
            throw new InvalidDataException($"{Key} '{path}' does not exist");
        }

        try
        {
            var bytes = System.IO.File.ReadAllBytes(path);
            var roots = new X509Certificate2Collection();
            var text = System.Text.Encoding.ASCII.GetString(bytes);
            if (text.Contains(PemCertificate, StringComparison.Ordinal))
            {
                // Blocks that do not decode are skipped here, not reported, hence the count below.
                roots.ImportFromPem(text);
                if (roots.Count == 0)
                {
                    throw new InvalidDataException($"{Key} '{path}' holds no readable certificate (a PEM block that does not decode?)");
                }
            }
            else
            {
                roots.Add(X509CertificateLoader.LoadCertificate(bytes));
            }

            return new CertificateTrust(path, roots);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{Key} '{path}' is not a PEM or DER certificate: {e.Message}", e);
        }
    }

    /// <summary>
    /// Whether <paramref name="certificate"/> chains to one of these roots (intermediates taken from what the server
    /// presented), for server authentication and within its validity; <paramref name="problem"/> says why not.
    /// </summary>
    public bool Anchors(X509Certificate2 certificate, X509Chain? presented, out string problem)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
        chain.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);

        // A private CA seldom publishes revocation lists; trust here is pinned to the configured file instead.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        if (chain.Build(certificate))
        {
            problem = "";
            return true;
        }

        problem = Describe(chain);
        return false;
    }

    /// <summary>The chain's complaints in words, e.g. "UntrustedRoot: self signed certificate".</summary>
    public static string Describe(X509Chain? chain)
    {
        var statuses = (chain?.ChainStatus ?? [])
            .Where(s => s.Status != X509ChainStatusFlags.NoError)
            .Select(s => string.IsNullOrWhiteSpace(s.StatusInformation) ? s.Status.ToString() : $"{s.Status}: {s.StatusInformation.Trim()}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return statuses.Count == 0 ? "the chain does not build" : string.Join("; ", statuses);
    }
}
