using Roundup.FullText;
using Roundup.FullText.Facts;
using Roundup.Writing.Tldr;
using Roundup.Writing.Writers;

namespace Roundup.Writing.Offline;

/// <summary>
/// The offline summary: a paragraph of context and method sentences from the abstract, then a paragraph of the
/// paper's own result sentences (from the abstract, results and experiments before the introduction), quoted as
/// written so every number in them is the paper's.
/// </summary>
public static class SummaryParagraphs
{
    /// <summary>Sentences longer than this are not quoted in the summary (and are flagged when they are the TL;DR).</summary>
    public const int LongSentenceWords = 60;

    public const int MaxMethodSentences = 2;

    public const int MaxResultSentences = 3;

    public static IReadOnlyList<string> Write(PaperToWrite paper, IReadOnlyList<string> sentences, int tldrIndex, IReadOnlyList<Fact> facts, List<string> flags)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (tldrIndex >= 0)
        {
            used.Add(Key(sentences[tldrIndex]));
        }

        var paragraphs = new List<string>();
        var contextAndMethod = ContextAndMethod(sentences, tldrIndex);
        if (contextAndMethod.Count > 0)
        {
            paragraphs.Add(string.Join(' ', contextAndMethod.Select(Quote)));
            used.UnionWith(contextAndMethod.Select(Key));
        }

        var results = ResultSentences(paper.Evidence, facts, used);
        if (results.Count == 0)
        {
            results = sentences.Where((s, i) => i != tldrIndex && SentenceRoles.IsResult(s) && !used.Contains(Key(s)) && Words(s) <= LongSentenceWords).Take(MaxResultSentences).ToList();
        }

        if (results.Count > 0)
        {
            paragraphs.Add("Key results: " + string.Join(' ', results.Select(Quote)));
        }
        else
        {
            flags.Add("no result sentences with numbers found: the summary has no key results");
        }

        return paragraphs;
    }

    /// <summary>The sentence setting the problem just before the first method sentence, and up to two method sentences.</summary>
    private static List<string> ContextAndMethod(IReadOnlyList<string> sentences, int tldrIndex)
    {
        var candidates = Enumerable.Range(0, sentences.Count).Where(i => i != tldrIndex && Words(sentences[i]) <= LongSentenceWords).ToList();
        var methods = candidates.Where(i => SentenceRoles.IsMethod(sentences[i])).Take(MaxMethodSentences).ToList();
        if (methods.Count == 0 && tldrIndex >= 0 && candidates.Contains(tldrIndex + 1) && !SentenceRoles.IsResult(sentences[tldrIndex + 1]))
        {
            methods.Add(tldrIndex + 1);
        }

        var firstContribution = Math.Min(methods.Count > 0 ? methods[0] : int.MaxValue, tldrIndex >= 0 ? tldrIndex : int.MaxValue);
        var context = candidates.Where(i => i < firstContribution && SentenceRoles.IsContext(sentences[i])).Select(i => (int?)i).LastOrDefault();
        var chosen = methods.ToList();
        if (context is { } c)
        {
            chosen.Add(c);
        }

        return chosen.Order().Select(i => sentences[i]).ToList();
    }

    private static List<string> ResultSentences(PaperEvidence? evidence, IReadOnlyList<Fact> facts, HashSet<string> used)
    {
        var kinds = evidence?.Sections.GroupBy(s => s.Heading, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal) ?? [];
        return facts
            .Select((fact, order) => (fact, order))
            .Where(x => x.fact.Kind is FactKind.ResultClaim or FactKind.SpeedOrCost && !x.fact.FromTable)
            .Select(x => (x.fact.Sentence, x.order, Rank: Rank(x.fact.Section, kinds)))
            .Where(x => x.Rank < int.MaxValue && Words(x.Sentence) is >= 5 and <= LongSentenceWords && !LooksLikeMarkup(x.Sentence))
            .OrderBy(x => x.Rank).ThenBy(x => x.order)
            .Select(x => x.Sentence)
            .Where(s => used.Add(Key(s)))
            .Take(MaxResultSentences)
            .ToList();
    }

    /// <summary>Where a result sentence is most trustworthy as a summary: the abstract, then results and experiments.</summary>
    private static int Rank(string section, Dictionary<string, SectionKind> kinds)
    {
        if (section == "Abstract")
        {
            return 0;
        }

        if (section == "Captions")
        {
            return 4;
        }

        return kinds.GetValueOrDefault(section, SectionKind.Other) switch
        {
            SectionKind.Results or SectionKind.Experiments => 1,
            SectionKind.Conclusion => 2,
            SectionKind.Method or SectionKind.Other or SectionKind.Limitations => 3,
            SectionKind.Introduction => 5,
            _ => int.MaxValue,
        };
    }

    /// <summary>LaTeX left in a sentence (math, macros) reads badly in a newsletter.</summary>
    private static bool LooksLikeMarkup(string sentence) => sentence.Contains('\\', StringComparison.Ordinal) || sentence.Contains('$', StringComparison.Ordinal);

    private static string Quote(string sentence)
    {
        var text = TldrCleaner.Clean(sentence, TldrCleaning.Citations);
        return text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".";
    }

    private static string Key(string sentence) => string.Join(' ', sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static int Words(string sentence) => sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
