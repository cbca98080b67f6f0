using System.Text.RegularExpressions;
using Roundup.FullText;
using Roundup.FullText.Facts;
using Roundup.Writing.Writers;

namespace Roundup.Writing.Offline;

/// <summary>
/// The offline commentary, in plain sentences: the headline result with its numbers as the results table prints them,
/// any claim of the abstract the tables do not bear out, what to doubt (each doubt read from the paper, see
/// <c>DoubtFinder</c>), then the benchmarks, model sizes, code, hidden text and related papers from earlier issues.
/// Every figure it states is a fact's, so it is in the paper (a cell or a sentence).
/// </summary>
public static partial class Commentary
{
    public const int MaxHeadlines = 2;

    public const int MaxDoubts = 3;

    public static string Write(PaperToWrite paper, IReadOnlyList<Fact> facts, List<string> flags)
    {
        var fullText = paper.Evidence is not null;
        var parts = new List<string>();
        if (!fullText)
        {
            parts.Add("Written from the abstract only: the full text was not read, so no results table was checked and nothing was looked for to doubt.");
            flags.Add("abstract only: the full text was not read");
        }

        var headlines = facts.Where(f => f.Kind == FactKind.HeadlineResult).Select(f => f.Value).Distinct(StringComparer.Ordinal).Take(MaxHeadlines).ToList();
        if (headlines.Count > 0)
        {
            parts.Add($"Headline result: {Sentence(headlines[0])}");
            parts.AddRange(headlines.Skip(1).Select(h => $"Also: {Sentence(h)}"));
        }
        else if (fullText)
        {
            parts.Add(paper.Evidence!.Tables.Count == 0
                ? "No table was read from the full text, so no result was checked against one."
                : "No results table comparing the paper's method with others was recognised.");
        }

        parts.AddRange(facts.Where(f => f.Kind == FactKind.UnsupportedClaim).Select(f => f.Value).Distinct(StringComparer.Ordinal).Take(2).Select(NotBorneOut));

        var doubts = facts.Where(f => f.Kind == FactKind.Doubt).Select(f => f.Value.Trim().TrimEnd('.')).Where(d => d.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxDoubts).ToList();
        if (doubts.Count > 0)
        {
            parts.Add(doubts.Count == 1 ? $"To doubt: {doubts[0]}." : $"To doubt: {string.Join("; ", doubts)}.");
        }

        var datasets = Values(facts, FactKind.Dataset);
        if (datasets.Count > 0)
        {
            parts.Add(fullText ? $"Evaluated on {List(datasets, 5)}." : $"The abstract names {List(datasets, 5)}.");
        }

        // "7B" is a model size in "a 7B model" but a count in "81.1M papers": keep sizes in a sentence about parameters,
        // and billion-scale ones in a sentence about models.
        var sizes = facts
            .Where(f => f.Kind == FactKind.ModelSize && (Parameters().IsMatch(f.Sentence) || (Billions().IsMatch(f.Value) && ModelWords().IsMatch(f.Sentence))))
            .Select(f => f.Value.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (sizes.Count > 0)
        {
            parts.Add($"Model sizes mentioned: {List(sizes, 4)}.");
        }

        var code = Values(facts, FactKind.CodeLink).Concat(CodeLinks(paper.Paper.Comment ?? "")).Distinct(StringComparer.OrdinalIgnoreCase).FirstOrDefault();
        parts.Add(code is not null ? $"Code: {code}." : fullText ? "No code link found." : "");

        if (paper.Evidence is { HasHiddenText: true } evidence)
        {
            var kinds = string.Join(", ", evidence.HiddenText.Select(h => h.Kind).Distinct());
            var count = evidence.HiddenText.Count;
            parts.Add($"The paper contained hidden text ({Passages(count)}: {kinds}); it was ignored.");
            flags.Add($"hidden text: {Passages(count)} ({kinds}) found in the paper and ignored");
        }

        if (paper.Related.Count > 0)
        {
            parts.Add("Related to earlier issues: " + string.Join("; ", paper.Related.Take(3).Select(r => $"\u201c{r.Title}\u201d ({r.Week})")) + ".");
        }

        return string.Join(' ', parts.Where(p => p.Length > 0));
    }

    /// <summary>
    /// The claim the tables do not bear out, and the table that says so, without the ratio or difference worked out
    /// from its cells: a figure the paper does not print would not pass grounding.
    /// </summary>
    private static string NotBorneOut(string value)
    {
        var claim = value.Split("; the closest", 2)[0].Trim();
        return TableNamed().Match(value) is { Success: true } table
            ? $"Not borne out by {table.Groups["table"].Value}: {claim}."
            : $"Not borne out by the tables: {claim}.";
    }

    /// <summary>A fact's value as the end of a sentence: a full stop unless it has one.</summary>
    private static string Sentence(string value) => value.TrimEnd().EndsWith('.') ? value.TrimEnd() : value.TrimEnd() + ".";

    private static List<string> Values(IReadOnlyList<Fact> facts, FactKind kind) =>
        facts.Where(f => f.Kind == kind).Select(f => f.Value.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>"A", "A and B", "A, B and C", "A, B, C and 2 more".</summary>
    private static string List(List<string> items, int max)
    {
        var shown = items.Take(max).ToList();
        var rest = items.Count - shown.Count;
        if (rest > 0)
        {
            return string.Join(", ", shown) + $" and {rest} more";
        }

        return shown.Count == 1 ? shown[0] : string.Join(", ", shown[..^1]) + " and " + shown[^1];
    }

    private static string Passages(int count) => count == 1 ? "1 passage" : $"{count} passages";

    private static IEnumerable<string> CodeLinks(string text) => CodeLink().Matches(text).Select(m => m.Value.TrimEnd('.', ','));

    [GeneratedRegex(@"\((?<table>Table \S+?|the table \u201c[^\u201d]*\u201d), column", RegexOptions.CultureInvariant)]
    private static partial Regex TableNamed();

    [GeneratedRegex(@"\bparam(eter)?s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Parameters();

    [GeneratedRegex(@"\d\s?(B|billion)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Billions();

    [GeneratedRegex(@"\b(models?|LLMs?|LMs?|networks?|transformers?|PaLM|GPT-?\d?|T5|LLaMA|Llama)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ModelWords();

    [GeneratedRegex(@"https?://(github\.com|gitlab\.com|huggingface\.co)/[\w\-./]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodeLink();
}
