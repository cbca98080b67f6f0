using System.Security.Cryptography;
using System.Text;

namespace Roundup.Delivery;

/// <summary>
/// The identity of an address for duplicates and the suppression list: trimmed and lower-cased (providers treat
/// the local part case-insensitively in practice), then hashed with SHA-256.
/// </summary>
public static class AddressKey
{
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static string Hash(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(email))));
}
