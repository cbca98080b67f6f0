using System.Text.Json.Serialization;

namespace Roundup.Arxiv.Files;

/// <summary>One line of arXiv's metadata snapshot (Kaggle/Cornell <c>arxiv-metadata-oai-snapshot.json</c>).</summary>
public sealed record SnapshotRecord(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("submitter")] string? Submitter,
    [property: JsonPropertyName("authors")] string? Authors,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("comments")] string? Comments,
    [property: JsonPropertyName("journal-ref")] string? JournalRef,
    [property: JsonPropertyName("doi")] string? Doi,
    [property: JsonPropertyName("categories")] string? Categories,
    [property: JsonPropertyName("license")] string? License,
    [property: JsonPropertyName("abstract")] string? Abstract,
    [property: JsonPropertyName("versions")] SnapshotVersion[]? Versions,
    [property: JsonPropertyName("update_date")] string? UpdateDate,
    [property: JsonPropertyName("authors_parsed")] string[][]? AuthorsParsed);
