using System.Globalization;
using System.Text.Json;
using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Curation;

/// <summary>
/// Reads a curation history: JSON lines of featured papers, as in ../shared/data/curation. Each line needs
/// <c>arxiv_id</c> and a date (<c>hf_date</c>, <c>listing_date</c>, <c>week_start</c> or <c>date</c>); it may carry
/// <c>title</c>, <c>abstract</c>, <c>authors</c> (names, or objects with <c>name</c>), <c>first_author</c>,
/// <c>upvotes</c>, <c>rank</c> and <c>github_repo</c>. A line that is not JSON, or lacks a usable id or date, is a
/// problem named by file and line; the lines around it are read.
/// </summary>
public static class CurationFile
{
    public static (IReadOnlyList<FeaturedPaper> Papers, IReadOnlyList<HarvestProblem> Problems) Read(string path)
    {
        var source = Path.GetFileNameWithoutExtension(path);
        var papers = new List<FeaturedPaper>();
        var problems = new List<HarvestProblem>();
        CurationLines.Read(path, problems, (row, at) =>
        {
            if (Parse(row, source, out var error) is { } paper)
            {
                papers.Add(paper);
            }
            else
            {
                problems.Add(new HarvestProblem(at, error));
            }
        });

        return (papers, problems);
    }

    private static FeaturedPaper? Parse(JsonElement row, string source, out string error)
    {
        error = "";
        if (row.ValueKind != JsonValueKind.Object)
        {
            error = "not a JSON object";
            return null;
        }

        if (Text(row, "arxiv_id") is not { Length: > 0 } idText)
        {
            error = "no arxiv_id (a featured paper not on arXiv)";
            return null;
        }

        if (!ArxivId.TryParse(idText, out var id, out var idError))
        {
            error = idError;
            return null;
        }

        var dateText = Text(row, "hf_date") ?? Text(row, "listing_date") ?? Text(row, "week_start") ?? Text(row, "date");
        if (dateText is null || !DateOnly.TryParseExact(dateText[..Math.Min(10, dateText.Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error = $"{id}: no yyyy-MM-dd date (hf_date, listing_date, week_start or date)";
            return null;
        }

        var authors = Authors(row);
        var grade = Number(row, "upvotes") ?? (Number(row, "rank") is { } rank ? Math.Max(0, 11 - rank) : 0);
        return new FeaturedPaper(
            id.WithoutVersion(),
            date,
            PaperText.Collapse(Text(row, "title")),
            PaperText.Collapse(Text(row, "abstract")),
            authors,
            source,
            grade,
            PaperText.CollapseOrNull(Text(row, "github_repo")));
    }

    private static List<string> Authors(JsonElement row)
    {
        if (row.TryGetProperty("authors", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            return list.EnumerateArray()
                .Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() : a.ValueKind == JsonValueKind.Object ? Text(a, "name") : null)
                .Select(PaperText.Collapse)
                .Where(a => a.Length > 0)
                .ToList();
        }

        return Text(row, "first_author") is { } first && PaperText.Collapse(first) is { Length: > 0 } name ? [name] : [];
    }

    private static string? Text(JsonElement row, string name) => CurationLines.Text(row, name);

    private static double? Number(JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) ? d : null;
}
