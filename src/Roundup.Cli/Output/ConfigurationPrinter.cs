using System.Data.Common;
using Roundup.Application.Settings;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Roundup.Cli.Output;

/// <summary>The effective configuration as JSON, secrets masked: what <c>roundup config show</c> prints.</summary>
public static class ConfigurationPrinter
{
    private const string Masked = "********";
    private static readonly string[] SecretWords = ["password", "secret", "token", "apikey", "api_key"];
    private static readonly string[] PasswordKeys = ["password", "pwd"];

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
                    obj[key] = Masked;
                }
                else if (value is JsonValue c && c.TryGetValue<string>(out var connectionString) && key.Contains("connectionstring", StringComparison.OrdinalIgnoreCase))
                {
                    obj[key] = MaskPassword(connectionString);
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

    /// <summary>The connection string with its password masked, so the server it names can still be checked; all of it masked when it cannot be read.</summary>
    private static string MaskPassword(string connectionString)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return Masked;
        }

        foreach (var key in builder.Keys.Cast<string>().Where(k => PasswordKeys.Contains(k.Replace(" ", "", StringComparison.Ordinal), StringComparer.OrdinalIgnoreCase)).ToList())
        {
            builder[key] = Masked;
        }

        return builder.ConnectionString;
    }

    private static bool IsSecret(string key) => SecretWords.Any(w => key.Contains(w, StringComparison.OrdinalIgnoreCase));
}
