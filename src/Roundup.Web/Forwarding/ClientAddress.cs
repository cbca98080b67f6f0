using System.Net;
using System.Net.Sockets;

namespace Roundup.Web.Forwarding;

/// <summary>
/// The address a client's POST budget is kept under: an IPv4 address as it is (an IPv4-mapped IPv6 peer as IPv4),
/// an IPv6 address by its /64, the block one host or home is usually given, so that a client cannot take a fresh
/// budget with each of its 2^64 addresses.
/// </summary>
internal static class ClientAddress
{
    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
