using System.Globalization;
using System.Text.Json;
using Roundup.Curation;
using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Writing.Evaluation.Dair;

/// <summary>
/// Reads DAIR.AI's weekly top ten as JSON lines (../shared/data/curation/dair_top10_weekly.jsonl): <c>week_start</c>,
/// <c>rank</c>, <c>arxiv_id</c> (null for a pick not on arXiv) and <c>entry_text</c>, the curator's summary. A pick
/// not on arXiv is counted; a line that is not JSON or lacks a usable id or text is a problem named by file and line.
/// </summary>
public static class DairFile
{
    public static DairFileContents Read(string path)
    {
        var entries = new List<DairEntry>();
        var problems = new List<HarvestProblem>();
        var notOnArxiv = 0;
        var lines = CurationLines.Read(path, problems, (row, at) =>
        {
            if (row.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new HarvestProblem(at, "not a JSON object"));
            }
            else if (CurationLines.Text(row, "arxiv_id") is not { Length: > 0 } idText)
            {
                notOnArxiv++;
            }
            else if (Parse(row, idText, out var error) is { } entry)
            {
                entries.Add(entry);
            }
            else
            {
                problems.Add(new HarvestProblem(at, error));
            }
        });

        return new DairFileContents(lines, notOnArxiv, entries, problems);
    }

    private static DairEntry? Parse(JsonElement row, string idText, out string error)
    {
        error = "";
        if (!ArxivId.TryParse(idText, out var id, out var idError))
        {
            error = idError;
            return null;
        }

        if (Text(row, "entry_text") is not { } text || string.IsNullOrWhiteSpace(text))
        {
            error = $"{id}: no entry_text";
            return null;
        }

        var week = Text(row, "week_start") is { Length: >= 10 } w && DateOnly.TryParseExact(w[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : default;
        var rank = row.TryGetProperty("rank", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out var n) ? n : 0;
        return new DairEntry(week, rank, id.WithoutVersion(), text);
    }

    private static string? Text(JsonElement row, string name) => CurationLines.Text(row, name);
}

/// <summary>What a DAIR file held: its non-blank lines, the picks not on arXiv, the usable entries and the bad lines.</summary>
public sealed record DairFileContents(int Lines, int NotOnArxiv, IReadOnlyList<DairEntry> Entries, IReadOnlyList<HarvestProblem> Problems);
