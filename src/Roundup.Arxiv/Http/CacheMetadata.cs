namespace Roundup.Arxiv.Http;

/// <summary>The JSON file beside a cached body. Length and hash let a torn or truncated body be told from a good one.</summary>
internal sealed record CacheMetadata(
    string Url,
    DateTimeOffset FetchedAt,
    string? ContentType,
    string? ETag,
    string? LastModified,
    long Length,
    string Sha256);
