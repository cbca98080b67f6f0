using System.Globalization;
using System.Text.RegularExpressions;

namespace Roundup.Writing.Grounding;

/// <summary>
/// Finds figures in normalised text (<see cref="CheckText"/>): integers, decimals, thousands separators, percentages,
/// multipliers (3.2×, 3.2x, 3 times, 3-fold), sizes (7B, 175M, 10k, 7 billion) and ranges (10–20%, 5 to 7B, whose
/// unit applies to both ends).
/// <para>
/// Deliberately strict: a value is compared as written, so "0.5" does not match "50%" and "45.1" does not match
/// "45.12". Converting between forms would let a model's "50%" be grounded by any 0.5 in the paper (a dropout rate,
/// a threshold), and rounding would let a wrong last digit through; a writer is asked to quote the paper's figures.
/// </para>
/// </summary>
internal static partial class NumberReader
{
    private const string Figure = @"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";

    /// <summary>Enough characters before a figure to see "Appendix (" in front of it.</summary>
    private const int LookBehind = 12;

    private const string Unit = @"%|×|[xX]|times|-?fold|percent|per cent|[kK]|M|B|b|bn|T|thousand|million|billion|trillion";

    /// <summary>The figures an entry claims, each a single value or both ends of a range.</summary>
    public static IEnumerable<(string Text, IReadOnlyList<NumberValue> Values)> Claims(string text)
    {
        foreach (Match m in ClaimPattern().Matches(text))
        {
            var before = Math.Max(0, m.Index - LookBehind);
            if (PointsIntoThePaper().IsMatch(text.AsSpan(before, m.Index - before)))
            {
                continue;   // "Table 2", "Section 4": where something is, not what was found
            }

            var second = m.Groups["b"].Success ? Value(m.Groups["b"].Value, m.Groups["ub"].Value) : (NumberValue?)null;
            var firstUnit = m.Groups["ua"].Success ? m.Groups["ua"].Value : m.Groups["ub"].Value;
            var first = Value(m.Groups["a"].Value, firstUnit);
            yield return (m.Value.Trim(), second is { } end ? [first, end] : [first]);
        }
    }

    /// <summary>
    /// Every figure in a text of the paper: the ends of its ranges, and also the figures joined to a name by a hyphen
    /// (the 8B of Llama-3-8B), since a writer may well say "the 8B model".
    /// </summary>
    public static IEnumerable<NumberValue> All(string text)
    {
        foreach (var (_, values) in Claims(text))
        {
            foreach (var value in values)
            {
                yield return value;
            }
        }

        foreach (Match m in LenientPattern().Matches(text))
        {
            yield return Value(m.Groups["a"].Value, m.Groups["ua"].Value);
        }
    }

    private static NumberValue Value(string figure, string unit)
    {
        var digits = figure.Replace(",", "", StringComparison.Ordinal);
        var value = decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
            ? parsed.ToString("0.############################", CultureInfo.InvariantCulture)
            : digits;
        return new NumberValue(value, CanonicalUnit(unit));
    }

    private static string CanonicalUnit(string unit) => unit.Trim().TrimStart('-') switch
    {
        "" => "",
        "%" or "percent" or "per cent" => "%",
        "×" or "x" or "X" or "times" or "fold" => "x",
        "k" or "K" or "thousand" => "e3",
        "M" or "million" => "e6",
        "B" or "b" or "bn" or "billion" => "e9",
        _ => "e12",
    };

    // Not glued to a word: the 10 of CIFAR-10, the 4 of GPT-4o and the 1 of pass@1 belong to names.
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_.@])(?<![\p{L}\p{N}][-‐‑–])(?<a>" + Figure + @")(?:\s?(?<ua>" + Unit + @")(?![\p{L}\p{N}]))?(?![\p{L}\p{N}])" +
        @"(?:\s?(?:–|—|-|to)\s?(?<b>" + Figure + @")(?:\s?(?<ub>" + Unit + @")(?![\p{L}\p{N}]))?(?![\p{L}\p{N}]))?",
        RegexOptions.CultureInvariant)]
    private static partial Regex ClaimPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_.@])(?<a>" + Figure + @")(?:\s?(?<ua>" + Unit + @")(?![\p{L}\p{N}]))?(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex LenientPattern();

    [GeneratedRegex(@"\b(?:Table|Tab\.|Figure|Fig\.|Section|Sec\.|§|Eq\.|Equation|Appendix|Algorithm|Theorem|Lemma|Step|Stage|Chapter)\s*\(?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PointsIntoThePaper();
}
