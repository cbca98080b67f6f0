using System.Globalization;
using System.Text.Json;
using Roundup.Papers;

namespace Roundup.Ranking.Tests;

/// <summary>Reads the shared listing JSONL files and the curators' picks (shared/data/README.md).</summary>
public static class ListingFiles
{
    public static List<(Paper Paper, DateOnly Date)> Read(string folder, DateOnly from, DateOnly to)
    {
        var papers = new List<(Paper, DateOnly)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var date = DateOnly.ParseExact(Path.GetFileNameWithoutExtension(file), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (date < from || date > to)
            {
                continue;
            }

            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                using var json = JsonDocument.Parse(line);
                var paper = ToPaper(json.RootElement, date);
                if (paper is not null && seen.Add(paper.Id.Canonical))
                {
                    papers.Add((paper, date));
                }
            }
        }

        return papers;
    }

    public static HashSet<string> Picks(string tsv) =>
        File.ReadLines(tsv).Skip(1).Select(l => l.Split('\t')[0]).Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static Paper? ToPaper(JsonElement e, DateOnly date)
    {
        if (!ArxivId.TryParse(e.GetProperty("arxiv_id").GetString(), out var id))
        {
            return null;
        }

        var primary = Text(e, "primary_category");
        var categories = e.TryGetProperty("categories", out var c) && c.ValueKind == JsonValueKind.Array
            ? c.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
            : primary is null ? [] : [primary];
        return new Paper
        {
            Id = id.WithoutVersion(),
            Title = PaperText.Collapse(Text(e, "title")),
            Abstract = PaperText.Collapse(Text(e, "abstract")),
            Authors = e.TryGetProperty("authors", out var a) && a.ValueKind == JsonValueKind.Array ? [.. a.EnumerateArray().Select(x => x.GetString() ?? "")] : [],
            Comment = Text(e, "comment"),
            Categories = categories,
            Announced = date,
        };
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
