namespace Roundup.Arxiv.Files;

/// <summary>One entry of a snapshot record's version history: <c>v2</c> and its RFC 822 date.</summary>
public sealed record SnapshotVersion(string? Version, string? Created);
