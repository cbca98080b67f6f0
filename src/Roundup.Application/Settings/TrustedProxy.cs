using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Roundup.Application.Settings;

/// <summary>
/// One entry of the trusted proxies: an address (<c>10.0.0.5</c>, <c>::1</c>) or a network in CIDR form
/// (<c>10.0.0.0/8</c>, <c>fd00::/8</c>). Only peers inside one of them may say, in X-Forwarded-For, which client
/// they forward for.
/// </summary>
public static class TrustedProxy
{
    public static IPNetwork Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var network, out var problem) ? network : throw new FormatException(problem);
    }

    /// <summary>Why <paramref name="text"/> is not an address or network to trust, or null when it is.</summary>
    public static string? Problem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out _, out var problem) ? null : problem;
    }

    private static bool TryParse(string text, out IPNetwork network, out string problem)
    {
        network = default;
        problem = "";
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address)
            || (address.AddressFamily == AddressFamily.InterNetwork ? address.ToString() != addressText : address.ScopeId != 0))
        {
            // IPv4 must be a plain dotted quad: the parser would also read "10.1" or "010.0.0.1" (octal), which surprises.
            problem = $"'{text}' is not an IP address such as 10.0.0.5 or a network such as 10.0.0.0/8";
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            // The middleware compares IPv4 peers as IPv4, so a mapped entry would never match.
            address = address.MapToIPv4();
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (slash < 0)
        {
            network = new IPNetwork(address, bits);
            return true;
        }

        if (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > bits)
        {
            problem = $"'{text}': the prefix length after '/' must be a number from 1 to {bits}";
            return false;
        }

        if (prefix == 0)
        {
            problem = $"'{text}' trusts every address, so any client could name its own address and escape the rate limit; list the proxies' addresses or network";
            return false;
        }

        var masked = Masked(address, prefix);
        if (!masked.Equals(address))
        {
            problem = $"'{text}' has bits set after the first {prefix}: write the network as {masked}/{prefix}";
            return false;
        }

        network = new IPNetwork(address, prefix);
        return true;
    }

    private static IPAddress Masked(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }
}
