using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Headline;

/// <summary>
/// The results tables of a paper, the likeliest main one first: tables with at least two rows of numbers under a
/// column whose direction is known, read as printed or the other way round; main-text tables before appendix ones (an appendix table is used when it is all
/// there is); then by caption words (results, performance, comparison, accuracy, evaluation, "main", "test" count
/// for; ablation, dev/validation, statistics and hyperparameters against); then in reading order.
/// </summary>
public static partial class ResultsTablePicker
{
    public static IReadOnlyList<ResultsTable> Pick(IEnumerable<EvidenceTable> tables) =>
        tables
            .Select((table, order) => (Table: ResultsTable.Read(table), Order: order))
            .Where(x => x.Table.HoldsResults() || x.Table.Transpose().HoldsResults())
            .OrderBy(x => x.Table.Table.InAppendix)
            .ThenByDescending(x => CaptionScore(x.Table.Table.Caption))
            .ThenBy(x => x.Order)
            .Select(x => x.Table)
            .ToList();

    public static int CaptionScore(string caption) =>
        (ResultWords().IsMatch(caption) ? 2 : 0) + (MainWords().IsMatch(caption) ? 2 : 0) + (TestWords().IsMatch(caption) ? 1 : 0)
        - (SideWords().IsMatch(caption) ? 2 : 0) - (NotResults().IsMatch(caption) ? 3 : 0);

    [GeneratedRegex(@"\b(results?|performance|comparisons?|compared|accuracy|evaluation|evaluated|benchmark(s|ing)?|state[- ]of[- ]the[- ]art|baselines?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResultWords();

    [GeneratedRegex(@"\b(main|overall|headline)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MainWords();

    [GeneratedRegex(@"\btest(\s+set|\s+split)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TestWords();

    [GeneratedRegex(@"\b(ablations?|ablated|dev(elopment)?\s+set|validation|sensitivity|error analysis)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SideWords();

    [GeneratedRegex(@"\b(statistics|hyper-?parameters?|examples?\s+of|annotation|counts?\s+of|distribution)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotResults();
}
