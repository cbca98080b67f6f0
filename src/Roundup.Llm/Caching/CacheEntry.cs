namespace Roundup.Llm.Caching;

/// <summary>The file stored per batch.</summary>
internal sealed record CacheEntry(int Version, IReadOnlyList<CachedScore> Scores)
{
    public const int CurrentVersion = 1;
}
