namespace Roundup.Llm.Caching;

/// <summary>The file stored for an answer other than a batch of scores.</summary>
internal sealed record CachedValue<T>(int Version, T Value);
