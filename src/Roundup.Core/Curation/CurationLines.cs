using System.Text.Json;
using Roundup.Harvesting;

namespace Roundup.Curation;

/// <summary>
/// The JSON lines of a curation file, read one at a time: each non-blank line is parsed and handed on with its place
/// ("path:line"); a line that is not JSON is a problem named by its place, and the lines around it are still read.
/// </summary>
public static class CurationLines
{
    /// <summary>Hands every non-blank line's JSON value to <paramref name="read"/>; returns how many lines were not blank.</summary>
    public static int Read(string path, List<HarvestProblem> problems, Action<JsonElement, string> read)
    {
        var lines = 0;
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            lines++;
            var at = $"{path}:{number}";
            try
            {
                using var doc = JsonDocument.Parse(line);
                read(doc.RootElement, at);
            }
            catch (JsonException e)
            {
                problems.Add(new HarvestProblem(at, $"not a JSON object: {e.Message}"));
            }
        }

        return lines;
    }

    /// <summary>A string property's value, or null when it is absent or not a string.</summary>
    public static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
