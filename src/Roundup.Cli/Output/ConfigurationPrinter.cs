using Roundup.Application.Settings;
using System.Text.Json;
using System.Text.Json.Nodes;
using Roundup.Cli.Output;

namespace Roundup.Cli.Output;

/// <summary>The effective configuration as JSON, secrets masked: what <c>roundup config show</c> prints.</summary>
public static class ConfigurationPrinter
{
    private static readonly string[] SecretWords = ["password", "secret", "token", "apikey", "api_key", "connectionstring"];

    public static string Render(RoundupOptions options)
    {
        var node = JsonSerializer.SerializeToNode(options, CliJson.Indented)!;
        Mask(node);
        return node.ToJsonString(CliJson.Indented);
    }

    private static void Mask(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj.ToList())
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 && IsSecret(key))
                {
                    obj[key] = "********";
                }
                else if (value is not null)
                {
                    Mask(value);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array.OfType<JsonNode>())
            {
                Mask(item);
            }
        }
    }

    private static bool IsSecret(string key) => SecretWords.Any(w => key.Contains(w, StringComparison.OrdinalIgnoreCase));
}
