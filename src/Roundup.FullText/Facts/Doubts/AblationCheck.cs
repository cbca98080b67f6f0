using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Doubts;

/// <summary>
/// No ablation: a paper that proposes a method and measures it, but nowhere takes parts of it away. A paper that
/// introduces a dataset is not held to this.
/// </summary>
internal static partial class AblationCheck
{
    public static IEnumerable<Doubt> Find(PaperReading paper)
    {
        if (!paper.WholePaperRead || !paper.HasMeasuredResults || !paper.ProposesMethod || paper.IntroducedBenchmark is not null
            || paper.Facts.Any(f => f.Kind == FactKind.Ablation) || paper.AnyWhere(Ablation()))
        {
            yield break;
        }

        yield return new Doubt(
            DoubtKind.NoAblation,
            "no ablation: the parts of the method are not tested one by one",
            "Looked for an ablation (the word, \"w/o\" or \"without …\" rows, parts removed) in text, appendix, captions, tables: none.",
            DoubtFinder.WholePaper);
    }

    [GeneratedRegex(@"\bablat|\bw/o\b|\bwithout (the |our |its |any )?[\w\-]+ (module|component|loss|term|stage|step|layer|head|block|pre-?training|regulari[sz]ation|objective)\b|\bcomponent (analysis|study)\b|\b(contribution|effect|importance|impact) of (each|every|the individual|individual) (component|module|part)s?\b|\b(remov(e|ed|ing)|replac(e|ed|ing)|disabl(e|ed|ing)) (the |each |our |this )?[\w\-]+ (module|component|loss|term|stage|step|layer|objective)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ablation();
}
