using System.Text.RegularExpressions;

namespace Roundup.Writing.Grounding;

/// <summary>
/// Finds the checkable claims of one sentence: its figures (<see cref="NumberReader"/>) and the names of datasets,
/// models and benchmarks. A name is a word with letters and digits (GPT-4o, CIFAR-10, Llama-3-8B, pass@1), capitals
/// (MMLU, BLEU), capitals inside (ImageNet, HellaSwag, LoRA), or two or more capitalised words in a row (Natural
/// Questions) that do not just start the sentence. Generic abbreviations (LLM, GPU, SOTA…) are not names.
/// </summary>
internal static partial class ClaimFinder
{
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "AI", "ML", "NLP", "CV", "RL", "LLM", "LM", "VLM", "MLLM", "SLM", "GPU", "TPU", "CPU", "SOTA", "API", "CNN", "RNN",
        "MLP", "GNN", "KV", "QA", "OOD", "IID", "URL", "PDF", "HTML", "JSON", "FLOP", "FLOPS", "FLOPs", "GB", "MB", "TB",
        "RAM", "US", "UK", "EU", "ID", "OK", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "TL", "DR", "FAQ",
        "arXiv", "PhD", "SGD", "NN", "DNN", "ODE", "PDE", "SDE", "MSE", "RMSE", "MAE", "KL", "ELBO", "IO", "UI", "TBD",
    };

    /// <summary>Capitalised words that are not names even in a run: sentence openers and pointers into the paper.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "We", "Our", "Their", "Its", "It", "This", "These", "Those", "That", "In", "On", "For", "With",
        "By", "From", "And", "But", "Or", "At", "As", "To", "Of", "Using", "Unlike", "Compared", "However", "While",
        "When", "Both", "All", "Each", "Table", "Figure", "Fig", "Section", "Appendix", "Eq", "Equation", "TL",
        "If", "So", "Yet", "Still", "Also", "Here", "There", "They", "He", "She", "You", "I", "Authors", "Paper",
    };

    public static IEnumerable<CheckedClaim> Find(string sentence, EntryPart part)
    {
        var text = CheckText.Normalise(sentence);
        foreach (var (figure, values) in NumberReader.Claims(text))
        {
            yield return new CheckedClaim(new Claim(ClaimKind.Number, figure, part, sentence), values, []);
        }

        foreach (var name in Names(text))
        {
            yield return new CheckedClaim(new Claim(ClaimKind.Name, name, part, sentence), [], NameToken.Tokenize(name));
        }
    }

    private static IEnumerable<string> Names(string text)
    {
        var capitalised = new List<string>();
        var previousEnd = -1;
        var first = true;
        foreach (Match word in Word().Matches(text))
        {
            var adjacent = previousEnd >= 0 && word.Index == previousEnd + 1 && text[previousEnd] == ' ';
            previousEnd = word.Index + word.Length;
            var value = StripPossessive(word.Value);
            var kind = Classify(value);
            var opensSentence = first;
            first = false;
            if (!adjacent || kind != WordKind.Capitalised || opensSentence || NotNames.Contains(value))
            {
                foreach (var run in Flush(capitalised))
                {
                    yield return run;
                }
            }

            if (kind == WordKind.Strong)
            {
                yield return value;
            }
            else if (kind == WordKind.Capitalised && !opensSentence && !NotNames.Contains(value))
            {
                capitalised.Add(value);
            }
        }

        foreach (var run in Flush(capitalised))
        {
            yield return run;
        }
    }

    private static IEnumerable<string> Flush(List<string> capitalised)
    {
        if (capitalised.Count >= 2)
        {
            yield return string.Join(' ', capitalised);
        }

        capitalised.Clear();
    }

    private static WordKind Classify(string word)
    {
        if (FigureLike().IsMatch(word))
        {
            return WordKind.None;   // a figure (7B, 3.2x, 10k), an ordinal (3rd) or a decade (1990s): not a name
        }

        if (CountedWord().IsMatch(word))
        {
            return WordKind.None;   // 8-bit, 5-shot, 12-layer: the figure is the claim, and is checked as one
        }

        var hasLetter = word.Any(char.IsLetter);
        if (hasLetter && word.Any(char.IsDigit))
        {
            return WordKind.Strong;
        }

        var letters = word.Where(char.IsLetter).ToArray();
        var singular = word.EndsWith('s') && word.Length > 2 && char.IsUpper(word[^2]) ? word[..^1] : word;
        if (Generic.Contains(word) || Generic.Contains(singular))
        {
            return WordKind.None;
        }

        var acronym = singular.Count(char.IsUpper) >= 2 && !singular.Any(char.IsLower);
        var camel = Enumerable.Range(1, Math.Max(0, word.Length - 1)).Any(i => char.IsLower(word[i - 1]) && char.IsUpper(word[i]));
        if (acronym || camel)
        {
            return WordKind.Strong;
        }

        return letters.Length > 1 && Capitalised().IsMatch(word) ? WordKind.Capitalised : WordKind.None;
    }

    private static string StripPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-_.@+'’][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"^(?:\d[\d,.]*(?:[kKMBbTxX×]|bn)?|\d+(?:st|nd|rd|th|s))$", RegexOptions.CultureInvariant)]
    private static partial Regex FigureLike();

    [GeneratedRegex(@"^\d+(?:\.\d+)?-\p{Ll}+$", RegexOptions.CultureInvariant)]
    private static partial Regex CountedWord();

    [GeneratedRegex(@"^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Capitalised();

    private enum WordKind
    {
        None,
        Strong,
        Capitalised,
    }
}

/// <summary>A claim with what it is compared by: its figures, or its name's tokens.</summary>
internal sealed record CheckedClaim(Claim Claim, IReadOnlyList<NumberValue> Numbers, IReadOnlyList<NameToken> Tokens)
{
    public bool IsIn(GroundingSource source) =>
        Claim.Kind == ClaimKind.Number ? Numbers.All(source.Contains) : source.Contains(Tokens);

    /// <summary>Where in a table a figure of the claim was found when the prose does not have it, or null.</summary>
    public string? TablePlace(GroundingSource source) =>
        Claim.Kind == ClaimKind.Number ? Numbers.Select(source.TablePlace).FirstOrDefault(p => p is not null) : null;
}
