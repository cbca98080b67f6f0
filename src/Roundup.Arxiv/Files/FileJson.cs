using System.Text.Json.Serialization;

namespace Roundup.Arxiv.Files;

[JsonSerializable(typeof(ListingRecord))]
[JsonSerializable(typeof(FilesPosition))]
[JsonSourceGenerationOptions(AllowTrailingCommas = false, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
internal sealed partial class FileJson : JsonSerializerContext
{
    public static T? Deserialize<T>(System.Buffers.ReadOnlySequence<byte> line, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        var reader = new System.Text.Json.Utf8JsonReader(line);
        var value = System.Text.Json.JsonSerializer.Deserialize(ref reader, type);
        return reader.Read() ? throw new System.Text.Json.JsonException($"more than one JSON value on the line (at byte {reader.TokenStartIndex})") : value;
    }
}
