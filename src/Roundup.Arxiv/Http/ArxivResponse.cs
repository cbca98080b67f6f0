using System.Text;

namespace Roundup.Arxiv.Http;

/// <summary>A successful answer: its body, its declared type, and whether it came from the cache.</summary>
public sealed record ArxivResponse(Uri Url, int StatusCode, string? ContentType, byte[] Content, bool FromCache)
{
    public string ReadText() => Encoding.UTF8.GetString(Content);

    public Stream OpenRead() => new MemoryStream(Content, writable: false);
}
