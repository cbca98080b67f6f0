using System.Text.Json.Serialization;

namespace Roundup.Arxiv.Files;

public sealed record SnapshotVersion(
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("created")] string? Created);
