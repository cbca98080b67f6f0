namespace Roundup.Papers;

/// <summary>One version of a paper as arXiv's version history records it.</summary>
public sealed record PaperVersion(int Number, DateTimeOffset? Submitted, string? Size = null);
