using System.Text.RegularExpressions;

namespace Roundup.FullText;

/// <summary>Classifies a section heading by its words; the first matching rule wins, so mixed headings
/// ("Results and Discussion", "Conclusion and Limitations") go to the more specific kind.</summary>
public static partial class SectionClassifier
{
    private static readonly (SectionKind Kind, string[] Words)[] Rules =
    [
        (SectionKind.Appendix, ["appendix", "appendices", "supplementary", "supplemental"]),
        (SectionKind.Limitations, ["limitation", "threats to validity", "failure case"]),
        (SectionKind.RelatedWork, ["related work", "prior work", "previous work", "background", "literature", "related research"]),
        (SectionKind.Introduction, ["introduction", "motivation"]),
        (SectionKind.Results, ["result", "analysis", "analyses", "ablation", "finding", "error analysis", "case stud"]),
        (SectionKind.Conclusion, ["conclusion", "concluding", "future work", "discussion", "summary"]),
        (SectionKind.Experiments, ["experiment", "evaluation", "setup", "set-up", "benchmark", "dataset", "data", "training", "implementation", "baseline"]),
        (SectionKind.Method, ["method", "approach", "model", "architecture", "framework", "algorithm", "proposed", "technique", "design", "formulation", "problem statement", "preliminar", "overview"]),
    ];

    public static SectionKind Classify(string heading)
    {
        var words = NotLetters().Replace(heading.ToLowerInvariant(), " ");
        foreach (var (kind, keys) in Rules)
        {
            if (keys.Any(k => words.Contains(k, StringComparison.Ordinal)))
            {
                return kind;
            }
        }

        return SectionKind.Other;
    }

    [GeneratedRegex(@"[^a-z\-]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotLetters();
}
