using System.Text.Json.Serialization;

namespace Roundup.Arxiv.Files;

[JsonSerializable(typeof(ListingRecord))]
[JsonSerializable(typeof(SnapshotRecord))]
[JsonSourceGenerationOptions(AllowTrailingCommas = false, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
internal sealed partial class FileJson : JsonSerializerContext;
