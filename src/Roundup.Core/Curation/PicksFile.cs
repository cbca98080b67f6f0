using System.Globalization;
using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Curation;

/// <summary>
/// Reads a picks file: tab-separated <c>arxiv_id listing_date sources</c> with a header line (the format of
/// ../shared/data/curation/picks_june2025_dev.tsv). Bad lines are returned as problems with their line numbers.
/// </summary>
public static class PicksFile
{
    public static (IReadOnlyList<CuratedPick> Picks, IReadOnlyList<HarvestProblem> Problems) Read(string path)
    {
        var picks = new List<CuratedPick>();
        var problems = new List<HarvestProblem>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber == 1 && line.StartsWith("arxiv_id", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split('\t');
            var at = $"{path}:{lineNumber}";
            if (cells.Length < 2)
            {
                problems.Add(new HarvestProblem(at, "expected arxiv_id, listing_date and sources separated by tabs"));
            }
            else if (!ArxivId.TryParse(cells[0], out var id, out var error))
            {
                problems.Add(new HarvestProblem(at, error));
            }
            else if (!DateOnly.TryParseExact(cells[1].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add(new HarvestProblem(at, $"'{cells[1]}' is not a yyyy-MM-dd date"));
            }
            else
            {
                picks.Add(new CuratedPick(id.WithoutVersion(), date, cells.Length > 2 ? cells[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : []));
            }
        }

        return (picks, problems);
    }
}
