using System.Globalization;
using System.Text.Json;
using Roundup.Papers;

namespace Roundup.Curation;

/// <summary>
/// Reads papers other curators featured, with their texts, as extra positive examples: JSON lines with
/// <c>arxiv_id</c>, <c>title</c>, <c>abstract</c>, <c>authors</c> and a date (<c>hf_date</c>, <c>listing_date</c> or
/// <c>date</c>), as in ../shared/data/curation/hf_daily_upvotes.jsonl. Lines without an id, a title or a date are skipped.
/// </summary>
public static class FeaturedPapersFile
{
    public static IReadOnlyList<TrainingExample> Read(string path, DateOnly before)
    {
        var examples = new List<TrainingExample>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var row = doc.RootElement;
            var date = Text(row, "hf_date") ?? Text(row, "listing_date") ?? Text(row, "date");
            if (!ArxivId.TryParse(Text(row, "arxiv_id"), out var id)
                || Text(row, "title") is not { Length: > 0 } title
                || !DateOnly.TryParse(date?[..Math.Min(10, date.Length)], CultureInfo.InvariantCulture, out var day)
                || day >= before)
            {
                continue;
            }

            var authors = row.TryGetProperty("authors", out var a) && a.ValueKind == JsonValueKind.Array
                ? a.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "").Where(s => s.Length > 0).ToList()
                : [];
            var paper = new Paper { Id = id.WithoutVersion(), Title = PaperText.Collapse(title), Abstract = PaperText.Collapse(Text(row, "abstract")), Authors = authors };
            examples.Add(new TrainingExample(paper, day, Picked: true));
        }

        return examples;
    }

    private static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
