using System.Net;

namespace Roundup.Application.Settings;

/// <summary>One address to bind: an IP and a port, with or without TLS. Host names other than localhost are refused: binding is to interfaces, not names.</summary>
public sealed record ListenAddress(IPAddress Address, int Port, bool Https)
{
    /// <summary>Reads <c>http://127.0.0.1:8080</c>, <c>https://0.0.0.0:8443</c>, <c>http://[::1]:0</c> or <c>http://localhost:8080</c> (127.0.0.1).</summary>
    public static ListenAddress Parse(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var problem = Problem(url);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(url));
        }

        var address = url.IsLoopback && url.HostNameType == UriHostNameType.Dns ? IPAddress.Loopback : IPAddress.Parse(url.IdnHost);
        return new ListenAddress(address, url.Port, url.Scheme == Uri.UriSchemeHttps);
    }

    /// <summary>Why <paramref name="url"/> cannot be bound, or null when it can.</summary>
    public static string? Problem(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return $"'{url}' is not an http:// or https:// URL";
        }

        if (url.HostNameType is not (UriHostNameType.IPv4 or UriHostNameType.IPv6) && !string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return $"'{url}' names the host '{url.Host}': use an IP address such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)";
        }

        if (url.AbsolutePath != "/" || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            return $"'{url}' has a path: give only scheme, address and port (the pages live under the link base's path)";
        }

        return null;
    }
}
