using System.Text.RegularExpressions;
using Roundup.Writing.Rouge;

namespace Roundup.Writing.Tldr;

/// <summary>
/// What the TL;DR scorer knows about each sentence of an abstract: where it stands, how long it is, how much it shares
/// with the title and with the rest of the abstract, and the cue phrases of contributions, results, background and
/// hedging. The same features are computed when training on SciTLDR and when writing an issue.
/// </summary>
public static partial class SentenceFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        "first", "second", "last", "relative_position", "log_length", "short", "long",
        "title_overlap", "centrality", "centrality_is_max",
        "contribution_cue", "first_contribution_cue", "paper_cue", "our_method_cue", "novelty_cue", "finding_cue",
        "result_cue", "experiment_cue", "background_cue", "contrast_opener", "first_we", "has_we",
        "number", "percent", "hedging", "citation",
    ];

    /// <summary>One feature vector per sentence, in <see cref="Names"/> order.</summary>
    public static double[][] Compute(string title, IReadOnlyList<string> sentences)
    {
        var n = sentences.Count;
        var content = sentences.Select(s => ContentWords.Of(s)).ToArray();
        var titleWords = ContentWords.Of(title).ToHashSet(StringComparer.Ordinal);
        var centrality = Enumerable.Range(0, n).Select(i => Centrality(content, i)).ToArray();
        var maxCentrality = n == 0 ? 0 : centrality.Max();
        var firstContribution = Enumerable.Range(0, n).FirstOrDefault(i => Contribution().IsMatch(sentences[i]), -1);
        var firstWe = Enumerable.Range(0, n).FirstOrDefault(i => We().IsMatch(sentences[i]), -1);

        var rows = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var s = sentences[i];
            var length = RougeTokenizer.Tokenize(s).Length;
            var words = content[i];
            rows[i] =
            [
                Flag(i == 0), Flag(i == 1), Flag(n > 1 && i == n - 1), n > 1 ? (double)i / (n - 1) : 0,
                Math.Log(1 + length), Flag(length < 10), Flag(length > 40),
                titleWords.Count == 0 ? 0 : (double)words.Distinct(StringComparer.Ordinal).Count(titleWords.Contains) / titleWords.Count,
                centrality[i], Flag(n > 1 && centrality[i] >= maxCentrality),
                Flag(Contribution().IsMatch(s)), Flag(i == firstContribution), Flag(PaperCue().IsMatch(s)), Flag(OurMethod().IsMatch(s)),
                Flag(Novelty().IsMatch(s)), Flag(Finding().IsMatch(s)),
                Flag(Result().IsMatch(s)), Flag(Experiment().IsMatch(s)), Flag(Background().IsMatch(s)), Flag(ContrastOpener().IsMatch(s)),
                Flag(i == firstWe), Flag(We().IsMatch(s)),
                Flag(Number().IsMatch(s)), Flag(s.Contains('%', StringComparison.Ordinal)), Flag(Hedging().IsMatch(s)), Flag(Citation().IsMatch(s)),
            ];
        }

        return rows;
    }

    private static double Flag(bool value) => value ? 1 : 0;

    /// <summary>Cosine between a sentence's content words and those of the rest of the abstract.</summary>
    private static double Centrality(string[][] content, int index)
    {
        var own = Counts(content[index]);
        var rest = Counts(content.Where((_, j) => j != index).SelectMany(w => w));
        var dot = own.Sum(kv => kv.Value * (double)rest.GetValueOrDefault(kv.Key));
        var norm = Math.Sqrt(own.Values.Sum(v => (double)v * v)) * Math.Sqrt(rest.Values.Sum(v => (double)v * v));
        return norm == 0 ? 0 : dot / norm;
    }

    private static Dictionary<string, int> Counts(IEnumerable<string> words)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            counts[w] = counts.GetValueOrDefault(w) + 1;
        }

        return counts;
    }

    [GeneratedRegex(@"\b(we|this (paper|work|article|study)|our (paper|work)|the authors)\s+(\w+\s+){0,2}(propose|present|introduce|develop|describe|design|formulate|study|investigate|explore|address|tackle|provide|offer|derive|extend)", RegexOptions.IgnoreCase)]
    private static partial Regex Contribution();

    [GeneratedRegex(@"\b(in|with) this (paper|work|article|study)\b|\bthis (paper|work|article)\b|^here\b", RegexOptions.IgnoreCase)]
    private static partial Regex PaperCue();

    [GeneratedRegex(@"\bour (method|approach|model|framework|algorithm|technique|system|architecture)", RegexOptions.IgnoreCase)]
    private static partial Regex OurMethod();

    [GeneratedRegex(@"\b(novel|new|first)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Novelty();

    [GeneratedRegex(@"\bwe (show|demonstrate|find|prove|observe|establish|argue|reveal|identify)|\b(results|experiments|analysis) (show|demonstrate|indicate|suggest|reveal)", RegexOptions.IgnoreCase)]
    private static partial Regex Finding();

    [GeneratedRegex(@"\b(outperform\w*|state[- ]of[- ]the[- ]art|significant(ly)?|improv\w*|competitive|superior|better)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Result();

    [GeneratedRegex(@"\b(experiment\w*|empirical\w*|evaluat\w*|benchmark\w*|datasets?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Experiment();

    [GeneratedRegex(@"\b(recent(ly)?|has been|have been|widely|popular|increasing(ly)?|remains?|challeng\w*|existing|traditional(ly)?|typically|often)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Background();

    [GeneratedRegex(@"^(however|but|yet|unfortunately|although|while|despite|nevertheless)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContrastOpener();

    [GeneratedRegex(@"\b(we|our)\b", RegexOptions.IgnoreCase)]
    private static partial Regex We();

    [GeneratedRegex(@"\d")]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(may|might|could|possibly|potentially|likely|suggests?|appears?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hedging();

    [GeneratedRegex(@"\bet al\b|\(\s*[A-Z][^()]*\d{4}[a-z]?\s*\)|\[\d+(,\s*\d+)*\]")]
    private static partial Regex Citation();
}
