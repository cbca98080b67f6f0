namespace Roundup.Arxiv.Http;

/// <summary>An answer kept on disk: its body and what is needed to judge its age and revalidate it.</summary>
public sealed record CachedResponse(
    Uri Url,
    DateTimeOffset FetchedAt,
    string? ContentType,
    string? ETag,
    string? LastModified,
    byte[] Content)
{
    /// <summary>True when the server gave a validator, so a stale copy can be checked with a conditional GET.</summary>
    public bool CanRevalidate => !string.IsNullOrEmpty(ETag) || !string.IsNullOrEmpty(LastModified);

    public ArxivResponse ToResponse() => new(Url, 200, ContentType, Content, FromCache: true);
}
