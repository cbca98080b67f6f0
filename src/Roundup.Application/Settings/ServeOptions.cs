namespace Roundup.Application.Settings;

/// <summary>
/// The configuration section <c>Serve</c>: where <c>roundup serve</c> listens, the PEM certificate and key for its
/// https addresses, the reverse proxies trusted to name the client, and the limits on the POSTs that change
/// subscriptions. The pages live under the path of Mail:LinkBase (or Publish:SiteUrl), so a reverse proxy forwards
/// the site unchanged.
/// </summary>
public sealed class ServeOptions
{
    /// <summary>One or more addresses separated by ';', e.g. <c>http://127.0.0.1:8080;https://0.0.0.0:8443</c>; port 0 picks a free port.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:8080";

    /// <summary>PEM certificate (with its chain) for the https addresses.</summary>
    public string? Certificate { get; init; }

    /// <summary>PEM private key of <see cref="Certificate"/> (unencrypted PKCS#8 or PKCS#1).</summary>
    public string? CertificateKey { get; init; }

    /// <summary>
    /// POSTs allowed per minute from one client address (sign-ups, and links that are forged, expired or malformed),
    /// and apart from that for each genuine link's subscriber and page; more get 429.
    /// </summary>
    public int PostsPerMinute { get; init; } = 30;

    /// <summary>
    /// The reverse proxies (IP addresses or CIDR networks, e.g. <c>127.0.0.1</c>, <c>10.0.0.0/8</c>) whose
    /// X-Forwarded-For names the client that the POST limit counts. Empty by default: the header is ignored, whoever
    /// sends it, and the client is whoever connects (behind a proxy, the proxy).
    /// </summary>
    public List<string> TrustedProxies { get; init; } = [];

    /// <summary>The largest request body read (a one-click POST is about 30 bytes).</summary>
    public int MaxBodyBytes { get; init; } = 16 * 1024;

    /// <summary>
    /// The sign-up form at <c>{base}subscribe</c>. On by default: a list exists to be subscribed to, and double opt-in
    /// with the per-address resend limit means a form-filler can at most send a stranger one confirmation per
    /// <see cref="ResendMinutes"/>, which subscribes nobody.
    /// </summary>
    public bool SignUp { get; init; } = true;

    /// <summary>The least time, in minutes, between two confirmation messages the form sends to one pending address.</summary>
    public int ResendMinutes { get; init; } = 10;

    /// <summary>Where the desk's sign-in cookie keys are kept (ASP.NET Core Data Protection), so a restart signs nobody out.</summary>
    public string DeskKeysDir { get; init; } = Path.Combine(".roundup", "desk-keys");

    public IReadOnlyList<string> UrlList() =>
        Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IEnumerable<string> Validate()
    {
        var urls = UrlList();
        if (urls.Count == 0)
        {
            yield return "Serve:Urls is empty: give an address such as http://127.0.0.1:8080";
        }

        var https = false;
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                yield return $"Serve:Urls: '{url}' is not a URL such as http://127.0.0.1:8080";
                continue;
            }

            if (ListenAddress.Problem(uri) is { } problem)
            {
                yield return $"Serve:Urls: {problem}";
            }

            https |= uri.Scheme == Uri.UriSchemeHttps;
        }

        var hasCertificate = !string.IsNullOrWhiteSpace(Certificate);
        var hasKey = !string.IsNullOrWhiteSpace(CertificateKey);
        if (hasCertificate != hasKey)
        {
            yield return "Serve:Certificate and Serve:CertificateKey go together: set both PEM files (the certificate and its private key) or neither";
        }
        else if (https && !hasCertificate)
        {
            yield return "Serve:Urls has an https:// address: set Serve:Certificate and Serve:CertificateKey to the PEM certificate and its private key";
        }
        else if (hasCertificate && !https && urls.Count > 0)
        {
            yield return "Serve:Certificate is set but no Serve:Urls address is https://; add one such as https://0.0.0.0:8443";
        }

        foreach (var proxy in TrustedProxies)
        {
            if (TrustedProxy.Problem(proxy.Trim()) is { } problem)
            {
                yield return $"Serve:TrustedProxies: {problem}";
            }
        }

        if (PostsPerMinute < 1)
        {
            yield return $"Serve:PostsPerMinute must be at least 1 (it is {PostsPerMinute})";
        }

        if (ResendMinutes is < 1 or > 7 * 24 * 60)
        {
            yield return $"Serve:ResendMinutes must be between 1 and 10080 (a week) (it is {ResendMinutes})";
        }

        if (MaxBodyBytes is < 1024 or > 1024 * 1024)
        {
            yield return $"Serve:MaxBodyBytes must be between 1024 and 1048576 (it is {MaxBodyBytes})";
        }
    }
}
