using System.Text.Json;
using System.Text.Json.Serialization;
using Roundup.Calendar;
using Roundup.Issues;
using Roundup.Papers;

namespace Roundup.Storage;

/// <summary>Source-generated JSON for stored issues; ids and weeks are written in their usual text forms.</summary>
[JsonSourceGenerationOptions(
    UseStringEnumConverter = true,
    Converters = [typeof(ArxivIdJsonConverter), typeof(IssueWeekJsonConverter)])]
[JsonSerializable(typeof(Issue))]
internal sealed partial class IssueJson : JsonSerializerContext;

internal sealed class ArxivIdJsonConverter : JsonConverter<ArxivId>
{
    public override ArxivId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ArxivId.Parse(reader.GetString() ?? throw new JsonException("an arXiv id was null"));

    public override void Write(Utf8JsonWriter writer, ArxivId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

internal sealed class IssueWeekJsonConverter : JsonConverter<IssueWeek>
{
    public override IssueWeek Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IssueWeek.Parse(reader.GetString() ?? throw new JsonException("an issue week was null"));

    public override void Write(Utf8JsonWriter writer, IssueWeek value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
