using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Doubts;

/// <summary>
/// A single run: measured results with no sign anywhere (text, appendix, captions, table cells) of spread or
/// repetition: no ±, standard deviation or error, confidence interval, error bars, seeds, repeated runs, bootstrap or
/// significance test.
/// </summary>
internal static partial class SingleRunCheck
{
    public static IEnumerable<Doubt> Find(PaperReading paper)
    {
        if (!paper.WholePaperRead || !paper.HasMeasuredResults || paper.AnyWhere(Spread()))
        {
            yield break;
        }

        yield return new Doubt(
            DoubtKind.SingleRun,
            "no error bars or seeds reported: the results look like a single run",
            "Looked for ±, std, confidence intervals, error bars, seeds, repeated runs, significance tests in text, appendix, captions, tables: none.",
            DoubtFinder.WholePaper);
    }

    [GeneratedRegex(@"±|\\pm\b|\+/-|\+-\s?\d|\bstandard (deviation|error)s?\b|\bstd\b|\bstdev\b|\bs\.e\.m?\b|\bconfidence (interval|band)s?\b|\b\d\d% CIs?\b|\berror ?bars?\b|\b(random|different|\d+|two|three|four|five|ten|several|multiple) (random )?seeds\b|\brandom seed\b|\bseeds? ?(=|of \d|\{)|\b(across|over|per) seeds?\b|\b(averaged|average|mean|median|results?) (over|across|of) (\d+|two|three|four|five|ten|several|multiple|different) (independent |random |training )?(runs|seeds|trials|repetitions|restarts|initiali[sz]ations)\b|\b(\d+|two|three|four|five|ten) (independent |random |separate )?(runs|trials|repetitions|restarts)\b|\b(run|repeat|train|ran|repeated|trained|evaluated|evaluate)\w* (each |every |all )?([\w\-]+ ){0,3}(\d+|two|three|four|five|ten) times\b|\bbootstrap|\bsignifican(ce|t) (test|at)\b|\bstatistically significant\b|\bp\s?[<=≤]\s?0?\.\d|\bp-values?\b|\bt-tests?\b|\bWilcoxon\b|\bvariance (across|over|between) (runs|seeds|trials)\b|\d\$?_\{\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Spread();
}
