namespace Roundup.Llm.Caching;

/// <summary>One validated judgement as cached: the paper's canonical id, the 1-10 score and the cleaned reason.</summary>
public sealed record CachedScore(string Id, int Score, string Reason);
