using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Doubts;

/// <summary>
/// The limitations the authors state, from the limitation facts: the one or two that say something concrete (what was
/// only done, not done, or is needed), not a heading-like sentence announcing them, nor one about others' work.
/// </summary>
internal static partial class StatedLimitationCheck
{
    public const int MaxQuoted = 2;

    public static IEnumerable<Doubt> Find(PaperReading paper) =>
        paper.Facts
            .Where(f => f.Kind == FactKind.Limitation && !f.FromTable && paper.KindOf.GetValueOrDefault(f.Section) != SectionKind.RelatedWork)
            .Select(f => f.Sentence)
            .Distinct(StringComparer.Ordinal)
            .Select((sentence, order) => (Sentence: sentence, Order: order, Score: Score(sentence, paper)))
            .Where(x => x.Score >= 3)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Order)
            .Take(MaxQuoted)
            .OrderBy(x => x.Order)
            .Select(x => new Doubt(
                DoubtKind.StatedLimitation,
                "a limitation the authors state: " + PaperReading.Phrase(Opening().Replace(x.Sentence, "")),
                x.Sentence,
                paper.Facts.First(f => f.Kind == FactKind.Limitation && f.Sentence == x.Sentence).Section));

    private static int Score(string sentence, PaperReading paper)
    {
        if (Announcement().IsMatch(sentence) || OthersWork().IsMatch(sentence))
        {
            return 0;
        }

        var section = paper.Facts.First(f => f.Kind == FactKind.Limitation && f.Sentence == sentence).Section;
        return (Concrete().IsMatch(sentence) ? 2 : 0)
            + (paper.KindOf.GetValueOrDefault(section) == SectionKind.Limitations ? 1 : 0)
            + (sentence.Contains("limitation", StringComparison.OrdinalIgnoreCase) ? 1 : 0)
            + (EvaluationLimit().IsMatch(sentence) ? 1 : 0);
    }

    [GeneratedRegex(@"\bwe (only|did not|do not|cannot|could not) (evaluate|test|compare|experiment|measure)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EvaluationLimit();

    [GeneratedRegex(@"\b(only|not|cannot|can't|no|lacks?|limited|requires?|required|restricted|fails?|unclear|unknown|expensive|costly|bias(ed)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Concrete();

    // "The results must be viewed in the context of a few limitations.", "We discuss the limitations below."
    [GeneratedRegex(@"\bcontext of (a few |some |several )?limitations\b|\b(discuss|list|outline|acknowledge|note)\w*\s+(the |some |several |a few |its |our )?(main |key )?limitations\b|\b(following|several|some|a few) limitations\s*[.:]?\s*$|^\s*limitations\s*[.:]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Announcement();

    [GeneratedRegex(@"\blimitations? of (existing|prior|previous|current|these|such|other|those|earlier|standard|conventional)\b|\b(existing|prior|previous|current) (methods|approaches|work|systems|models)\b[^.]{0,40}\blimitations?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OthersWork();

    // "A limitation is that", "Another limitation of our work is that" — the phrase keeps what follows.
    [GeneratedRegex(@"^\s*((a|one|another|the|our|an)\s+)?((main|key|major|first|second|third|important|potential|further|final)\s+)?limitations?\s+((of|in)\s+(our|this|the)\s+(work|study|approach|method|paper|analysis|evaluation)\s+)?(is|are|was)\s+(that\s+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Opening();
}
