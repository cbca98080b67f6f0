using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Roundup.Papers;

namespace Roundup.Ranking.Taste.History;

/// <summary>
/// Four bytes of SHA-256 of a paper's canonical id, kept with each feature of a history instead of the id: enough to
/// tell that a feature is the paper being judged (a paper never counts its own feature, even one dated before its
/// listing: a cross-list listed days after the original), not enough to list what the history featured.
/// </summary>
public static class PaperFingerprint
{
    public static uint Of(ArxivId id)
    {
        var value = BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.ASCII.GetBytes(id.Canonical)));
        return value == 0 ? 1 : value;
    }
}
