namespace Roundup.Arxiv.Rss;

/// <summary>What an item of any of the feed formats says, before it becomes a paper.</summary>
public sealed record RssItemFields(
    string? IdText,
    string? Title,
    string? Abstract,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Authors,
    string? Rights,
    string? AnnounceType,
    DateOnly? ListingDate,
    bool KnownReplacement = false);
