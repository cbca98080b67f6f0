using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Roundup.Cli.Output;

/// <summary>The JSON settings of everything the CLI prints.</summary>
public static class CliJson
{
    /// <summary>
    /// Indented JSON, safe for a terminal: the encoder escapes control characters, <see cref="TerminalText.Json"/>
    /// the format characters (bidi overrides) and separators it leaves raw. Parsed, it is the same value.
    /// </summary>
    public static string Serialize<T>(T value) => TerminalText.Json(JsonSerializer.Serialize(value, Indented));

    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
