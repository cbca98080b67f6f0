using System.Text.Json.Serialization;

namespace Roundup.Arxiv.Files;

/// <summary>One line of a daily listing file (../shared/data/arxiv/listings/YYYY-MM-DD.jsonl).</summary>
public sealed record ListingRecord(
    [property: JsonPropertyName("arxiv_id")] string? ArxivId,
    [property: JsonPropertyName("listing_date")] string? ListingDate,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("abstract")] string? Abstract,
    [property: JsonPropertyName("authors")] string[]? Authors,
    [property: JsonPropertyName("comment")] string? Comment,
    [property: JsonPropertyName("primary_category")] string? PrimaryCategory,
    [property: JsonPropertyName("categories")] string[]? Categories,
    [property: JsonPropertyName("announce_type")] string? AnnounceType);
