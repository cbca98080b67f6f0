using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Doubts;

/// <summary>
/// No baselines (measured results compared with nothing: no "baseline", "compared with", "outperforms", "state of the
/// art" or "vs." anywhere), or only weak ones: every sentence that says what the baselines are names only random,
/// majority-class, zero-shot or untuned systems or the authors' own earlier one, and no other system is compared with.
/// </summary>
internal static partial class BaselineCheck
{
    public static IEnumerable<Doubt> Find(PaperReading paper)
    {
        if (!paper.WholePaperRead || !paper.HasMeasuredResults)
        {
            yield break;
        }

        var named = paper.Facts.Any(f => f.Kind == FactKind.Baseline && paper.KindOf.GetValueOrDefault(f.Section) != SectionKind.RelatedWork);
        if (!named && !paper.AnyWhere(Comparison()) && paper.ProposesMethod)
        {
            yield return new Doubt(
                DoubtKind.NoBaselines,
                "no baselines: the results are not compared with any other method",
                "Looked for \"baseline\", \"compared with\", \"outperforms\", \"state of the art\", \"vs.\" in text, appendix, captions, tables: none.",
                DoubtFinder.WholePaper);
            yield break;
        }

        var defining = paper.Own.Where(s => BaselineDefinition().IsMatch(s.Text)).ToList();
        if (named || defining.Count == 0 || !defining.All(s => WeakOnly(s.Text)) || paper.AnyWhere(StrongComparison()))
        {
            yield break;
        }

        var weak = defining.SelectMany(s => Weak().Matches(s.Text).Select(m => m.Value.ToLowerInvariant())).Distinct(StringComparer.Ordinal);
        yield return new Doubt(
            DoubtKind.WeakBaselinesOnly,
            $"only weak baselines: {string.Join(", ", weak)}",
            defining[0].Text,
            defining[0].Section);
    }

    /// <summary>A sentence naming weak baselines and no system by name beside them ("a random and a majority-class baseline").</summary>
    private static bool WeakOnly(string sentence) =>
        Weak().IsMatch(sentence) && !Name().Matches(Weak().Replace(sentence, " ")).Any(m => m.Index > 0);

    [GeneratedRegex(@"\b[A-Z][\w\-]*[A-Z0-9][\w\-]*\b|\b[A-Z][a-z]+[\w\-]*\b(?<!\b(The|We|Our|As|For|In|Table|Section|Figure|Appendix|These|This|Both|Two|Three))", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex(@"\bbaselines?\b|\bcompar(e|ed|es|ing|ison|isons)\b|\boutperform|\bstate[- ]of[- ]the[- ]art\b|\bSOTA\b|\b(prior|previous|existing|competing) (methods?|work|approach(es)?|systems?|models?|best)\b|\bvs\.?(?=\s)|\bversus\b|\b(better|worse|faster|slower|stronger|higher|lower) than\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Comparison();

    [GeneratedRegex(@"\b(as|is|are)\s+(the\s+|a\s+|our\s+|two\s+|three\s+)?(only\s+)?baselines?\b|\bbaselines?\s+(is|are|was|were|include|includes|included|consists?|:)|\bwe compare (with|to|against)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BaselineDefinition();

    [GeneratedRegex(@"\brandom( guess(ing)?| chance| baseline| classifier| selection| predictions?)?\b|\bmajority[- ]class\b|\bmajority (vote|label|baseline)\b|\bchance\b|\bconstant (predictor|baseline)\b|\bzero-shot\b|\buntuned\b|\bwithout (any )?(fine-?tuning|training)\b|\bnot fine-?tuned\b|\bno fine-?tuning\b|\bour (previous|earlier|prior) (work|system|model|version)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weak();

    [GeneratedRegex(@"\bstate[- ]of[- ]the[- ]art\b|\bSOTA\b|\b(prior|previous|existing|competing|strong|published) (methods|approaches|systems|models|baselines)\b|\boutperform\w*\s+(the\s+)?(previous|prior|existing|strong|published)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrongComparison();
}
