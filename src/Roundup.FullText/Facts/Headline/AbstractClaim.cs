using System.Globalization;
using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Headline;

/// <summary>What an abstract's numeric claim states: a factor ("10× faster"), a difference ("improves F1 by 5
/// points", "outperforms … by 3.1"), a change ("improves from 8.11% to 21.99%": the score after, with the score
/// before as <see cref="AbstractClaim.From"/>) or a score ("achieves 72.4%").</summary>
public enum ClaimKind
{
    Factor,
    Difference,
    Change,
    Score,
}

/// <summary>A numeric claim of the abstract, with the number as claimed and its sentence.</summary>
public sealed partial record AbstractClaim(ClaimKind Kind, string Text, double Value, int Decimals, bool Percent, string Sentence)
{
    /// <summary>Half a unit of the claim's last digit.</summary>
    public double Rounding => 0.5 * Math.Pow(10, -Decimals);

    /// <summary>For a change, the score before it (the paper's baseline) and its rounding; else null.</summary>
    public (double Value, double Rounding)? From { get; init; }

    public static IReadOnlyList<AbstractClaim> Find(string abstractText)
    {
        var claims = new List<AbstractClaim>();
        foreach (var sentence in FactExtractor.Sentences(abstractText))
        {
            var taken = new List<(int Start, int End)>();
            Collect(claims, taken, ClaimKind.Factor, Factor(), sentence);
            Changes(claims, taken, sentence);
            Collect(claims, taken, ClaimKind.Difference, Difference(), sentence);
            Collect(claims, taken, ClaimKind.Score, Score(), sentence);
        }

        return claims;
    }

    private static void Collect(List<AbstractClaim> claims, List<(int Start, int End)> taken, ClaimKind kind, Regex pattern, string sentence)
    {
        foreach (Match m in pattern.Matches(sentence))
        {
            var number = m.Groups["n"];
            if (taken.Any(t => number.Index < t.End && t.Start < number.Index + number.Length)
                || !double.TryParse(number.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            taken.Add((number.Index, number.Index + number.Length));
            var percent = m.Groups["u"].Value.Contains('%', StringComparison.Ordinal) || m.Groups["u"].Value.StartsWith("percent", StringComparison.OrdinalIgnoreCase);
            claims.Add(new AbstractClaim(kind, m.Value.Trim(), value, DecimalsOf(number.Value), percent, sentence));
        }
    }

    // "from 8.11% to 21.99% and 18.42%": one change per number after "to", each from the number after "from".
    private static void Changes(List<AbstractClaim> claims, List<(int Start, int End)> taken, string sentence)
    {
        foreach (Match m in Change().Matches(sentence))
        {
            if (!double.TryParse(m.Groups["f"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var from))
            {
                continue;
            }

            var percent = m.Groups["u"].Value.Length > 0;
            taken.Add((m.Index, m.Index + m.Length));
            foreach (Capture to in m.Groups["n"].Captures)
            {
                if (double.TryParse(to.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    claims.Add(new AbstractClaim(ClaimKind.Change, m.Value.Trim(), value, DecimalsOf(to.Value), percent, sentence)
                    {
                        From = (from, 0.5 * Math.Pow(10, -DecimalsOf(m.Groups["f"].Value))),
                    });
                }
            }
        }
    }

    private static int DecimalsOf(string number) => number.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? number.Length - dot - 1 : 0;

    [GeneratedRegex(@"\b(?:improv|increas|boost|rais|reduc|lower|decreas|cut|drop|jump|ris|rose|go|went)\w*\b[^.;]{0,60}?\bfrom\s+(?<f>\d+(?:\.\d+)?)\s*(?<u>%|percent)?\s+to\s+(?<n>\d+(?:\.\d+)?)\s*(?:%|percent)?(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?<n>\d+(?:\.\d+)?)\s*(?:%|percent)?)*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Change();

    // A factor needs its comparison ("10× faster", "a speed-up of 3.2×"): "we ran 3 times" claims nothing.
    [GeneratedRegex(@"\bspeed-?ups?\s+of\s+(?:up\s+to\s+)?(?<n>\d+(?:\.\d+)?)\s*(?:×|x\b|-?fold\b|\s+times\b)|\b(?<n>\d+(?:\.\d+)?)\s*(?:×|x\b|-?fold\b|\s+times\b)\s*(?:faster|speed-?ups?|fewer|less|smaller|cheaper|lower|more\s+efficient|reduction|higher\s+throughput)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Factor();

    [GeneratedRegex(@"\b(?:improv\w*|outperform\w*|surpass\w*|exceed\w*|beat\w*|gain\w*|boost\w*|increas\w*|reduc\w*|lower\w*|advanc\w*|better)\b[^.;]{0,80}?\bby\s+(?:up\s+to\s+|over\s+|more\s+than\s+|nearly\s+|about\s+|around\s+|roughly\s+|an?\s+average\s+of\s+)?(?<n>\d+(?:\.\d+)?)(?!\s*(?:×|x\b|-?fold|times))(?:\s*(?<u>%|percentage\s+points?|percent|points?|pp|absolute|F1|BLEU|ROUGE[-\w]*|accuracy))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Difference();

    [GeneratedRegex(@"\b(?:achiev\w*|reach\w*|obtain\w*|attain\w*|scor\w*|yield\w*|accuracy\s+of|F1\s+of|BLEU\s+of|score\s+of)\b[^.;]{0,40}?(?<n>\d+(?:\.\d+)?)(?:\s*(?<u>%|percent|F1|BLEU|ROUGE[-\w]*|accuracy|EM|AUC|mAP|points|pass@\d+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Score();
}
