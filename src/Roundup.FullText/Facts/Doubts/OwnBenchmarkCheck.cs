using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Doubts;

/// <summary>
/// Results only on the authors' own benchmark: the paper introduces a named dataset or benchmark (in its abstract or
/// introduction) and names no other one that it evaluates on. Any other dataset named outside related work counts
/// as evaluated on, so the doubt is raised only when the paper's own sections name none.
/// </summary>
internal static partial class OwnBenchmarkCheck
{
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "we", "our", "the", "this", "these", "that", "it", "its", "a", "an", "in", "on", "for", "to", "all", "each", "both",
        "table", "figure", "section", "appendix", "test", "dev", "validation", "training", "train", "new", "public", "same",
        "full", "other", "different", "several", "multiple", "existing", "original", "standard", "real", "synthetic",
    };

    public static IEnumerable<Doubt> Find(PaperReading paper)
    {
        if (!paper.WholePaperRead || !paper.HasMeasuredResults || paper.IntroducedBenchmark is not { } own)
        {
            yield break;
        }

        if (OtherDatasets(paper, own.Name).Any())
        {
            yield break;
        }

        yield return new Doubt(
            DoubtKind.OwnBenchmarkOnly,
            $"results only on the authors' own benchmark, {own.Name}: no other dataset is evaluated",
            own.Sentence.Text,
            own.Sentence.Section);
    }

    /// <summary>The dataset or benchmark the paper says it introduces, with the sentence that says so, or null.</summary>
    public static (string Name, PaperSentence Sentence)? Introduced(PaperReading paper)
    {
        foreach (var sentence in paper.Opening)
        {
            foreach (var pattern in new[] { NamedThenNoun(), NounThenNamed() })
            {
                var match = pattern.Match(sentence.Text);
                if (match.Success && IsName(match.Groups["name"].Value))
                {
                    return (match.Groups["name"].Value, sentence);
                }
            }
        }

        return null;
    }

    /// <summary>Every other dataset the paper's own sections or captions name, and every benchmark fact outside related work.</summary>
    private static IEnumerable<string> OtherDatasets(PaperReading paper, string own)
    {
        bool Other(string name) => IsName(name) && !name.Contains(own, StringComparison.OrdinalIgnoreCase) && !own.Contains(name, StringComparison.OrdinalIgnoreCase);

        var named = paper.Own
            .Where(s => s.Kind is not SectionKind.Introduction)
            .SelectMany(s => EvaluatedOn().Matches(s.Text).Concat(NameThenDataset().Matches(s.Text)))
            .Select(m => m.Groups["name"].Value);
        var facts = paper.Facts
            .Where(f => f.Kind == FactKind.Dataset && paper.KindOf.GetValueOrDefault(f.Section) != SectionKind.RelatedWork)
            .Select(f => f.Value);
        return named.Concat(facts).Where(Other);
    }

    private static bool IsName(string name) =>
        name.Length >= 2 && !NotNames.Contains(name) && name.Any(char.IsLetter) && (char.IsUpper(name[0]) || char.IsDigit(name[0]));

    // "we introduce SciFact, a dataset of 1.4K claims", "We release Multi-LexSum, an abstractive summarization dataset"
    [GeneratedRegex(@"\b(?i:(we|this (paper|work))\s+(also\s+|first\s+)?(introduce|construct|present|release|create|collect|build|propose|curate|contribute)s?)\s+(?<name>[A-Z][\w\-]*[\w])\s*,?\s*(\([^)]{1,200}\)\s*)?,?\s+(?i:(a|an)\s+([\w\-]+\s+){0,5}?(dataset|benchmark|corpus|test ?bed|test suite|evaluation suite|collection))\b", RegexOptions.CultureInvariant)]
    private static partial Regex NamedThenNoun();

    // "we present a new dataset, Multi-LexSum, for …", "a new benchmark called HardQA", "a novel corpus (SciDocs)"
    [GeneratedRegex(@"\b(?i:a|an)\s+(?i:new|novel)\s+([\w\-]+\s+){0,4}?(?i:dataset|benchmark|corpus|test ?bed|test suite|evaluation suite)\s*(,\s*|(?i:called|named|dubbed|termed)\s+|\(\s*)(?<name>[A-Z][\w\-]*[\w])", RegexOptions.CultureInvariant)]
    private static partial Regex NounThenNamed();

    [GeneratedRegex(@"\b(?i:evaluat\w*|test\w*|benchmark\w*|experiments?|results?|performance|accuracy|scores?)\b[^.;]{0,50}?\b(?i:on|across)\s+(?i:the\s+)?(?<name>[A-Z][\w\-]*[\w])", RegexOptions.CultureInvariant)]
    private static partial Regex EvaluatedOn();

    [GeneratedRegex(@"\b(?<name>[A-Z][\w\-]*[\w])\s+(?i:dataset|benchmark|corpus|test set|dev set|validation set|test split)s?\b", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenDataset();
}
