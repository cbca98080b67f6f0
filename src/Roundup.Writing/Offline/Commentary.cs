using System.Text.RegularExpressions;
using Roundup.FullText;
using Roundup.FullText.Facts;
using Roundup.Writing.Writers;

namespace Roundup.Writing.Offline;

/// <summary>
/// The offline commentary: plain sentences on what the evidence shows and lacks: benchmarks, baselines, ablations,
/// scale, code, stated limitations, hidden text and related papers from earlier issues.
/// </summary>
public static partial class Commentary
{
    public static string Write(PaperToWrite paper, IReadOnlyList<Fact> facts, List<string> flags)
    {
        var fullText = paper.Evidence is not null;
        var parts = new List<string>();
        if (!fullText)
        {
            parts.Add("Written from the abstract only: the full text was not read.");
            flags.Add("abstract only: the full text was not read");
        }

        var datasets = Values(facts, FactKind.Dataset);
        parts.Add(datasets.Count switch
        {
            0 when fullText => "No standard benchmark recognised in the text.",
            0 => "",
            1 when fullText => $"Evaluated only on {datasets[0]}.",
            _ when fullText => $"Evaluated on {List(datasets, 5)}.",
            _ => $"The abstract names {List(datasets, 5)}.",
        });

        var baselines = Values(facts, FactKind.Baseline).Where(b => b.Length > 1).ToList();
        parts.Add(baselines.Count > 0 ? $"Compared with {List(baselines, 4)}." : fullText ? "No named baselines found." : "");
        if (fullText)
        {
            parts.Add(facts.Any(f => f.Kind == FactKind.Ablation) ? "Includes an ablation study." : "No ablation study found.");
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

        var compute = Values(facts, FactKind.Compute);
        if (compute.Count > 0)
        {
            parts.Add($"Compute reported: {List(compute, 2)}.");
        }

        var code = Values(facts, FactKind.CodeLink).Concat(CodeLinks(paper.Paper.Comment ?? "")).Distinct(StringComparer.OrdinalIgnoreCase).FirstOrDefault();
        parts.Add(code is not null ? $"Code: {code}." : "No code link found.");

        var limitations = facts.Where(f => f.Kind == FactKind.Limitation).Select(f => f.Sentence).Distinct(StringComparer.Ordinal).Take(2).ToList();
        if (limitations.Count > 0)
        {
            parts.Add("Stated limitations: " + string.Join(" ", limitations.Select(l => $"\u201c{Short(l)}\u201d")));
        }
        else if (fullText)
        {
            parts.Add("No stated limitations found.");
        }

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

    private static string Short(string sentence) => sentence.Length <= 200 ? sentence : sentence[..197].TrimEnd() + "...";

    private static IEnumerable<string> CodeLinks(string text) => CodeLink().Matches(text).Select(m => m.Value.TrimEnd('.', ','));

    [GeneratedRegex(@"\bparam(eter)?s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Parameters();

    [GeneratedRegex(@"\d\s?(B|billion)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Billions();

    [GeneratedRegex(@"\b(models?|LLMs?|LMs?|networks?|transformers?|PaLM|GPT-?\d?|T5|LLaMA|Llama)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ModelWords();

    [GeneratedRegex(@"https?://(github\.com|gitlab\.com|huggingface\.co)/[\w\-./]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodeLink();
}
