using System.Text.Json;
using System.Text.Json.Serialization;
using Roundup.Application.Distributing;
using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Writing.Pipeline;
using Roundup.Writing.Writers;

namespace Roundup.Workers.Database;

/// <summary>Source-generated JSON for what travels between the coordinator and the workers; ids in their text form.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, Converters = [typeof(ArxivIdText)])]
[JsonSerializable(typeof(FullTextOutcome))]
[JsonSerializable(typeof(PaperToWrite))]
[JsonSerializable(typeof(GroundedEntry))]
[JsonSerializable(typeof(CuratorProfile))]
[JsonSerializable(typeof(DeliveryBatchOutcome))]
internal sealed partial class WorkJson : JsonSerializerContext;

internal sealed class ArxivIdText : JsonConverter<ArxivId>
{
    public override ArxivId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ArxivId.Parse(reader.GetString() ?? throw new JsonException("an arXiv id was null"));

    public override void Write(Utf8JsonWriter writer, ArxivId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
