using System.Globalization;
using System.Text.RegularExpressions;

namespace Roundup.Writing.Evaluation.Dair;

/// <summary>
/// The numbers a text states, as values: "10x" = "10×" = "10", "45.2%" = "45.2 %", "1,000" = "1000", "1.5M" =
/// "1.5 million". Not numbers here: digits inside a name ("Qwen2.5-72B", "GPT-4o", "3D"), years (1900–2099 with
/// no unit, as in "AIME 2024") and list markers ("(1)", "2)"). A range "2.5–7.5%" states both ends. Numbers written as words are not read.
/// </summary>
public static partial class StatedNumbers
{
    public static IReadOnlySet<decimal> Find(string text)
    {
        var values = new HashSet<decimal>();
        foreach (Match m in Number().Matches(text))
        {
            var digits = m.Groups["int"].Value.Replace(",", "", StringComparison.Ordinal) + (m.Groups["frac"].Success ? "." + m.Groups["frac"].Value : "");
            if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var unit = m.Groups["unit"].Value;
            var bare = unit.Length == 0 && !m.Groups["frac"].Success;
            if (bare && (value is >= 1900 and <= 2099 || IsListMarker(text, m)))
            {
                continue;
            }

            values.Add(Scaled(value, unit));
        }

        return values;
    }

    /// <summary>Whether the two texts state at least one number of the same value.</summary>
    public static bool ShareAny(IReadOnlySet<decimal> reference, IReadOnlySet<decimal> candidate) => reference.Overlaps(candidate);

    /// <summary>"(1)" or "1)" opening an item of a list the entry or abstract enumerates.</summary>
    private static bool IsListMarker(string text, Match m)
    {
        var end = m.Index + m.Length;
        var before = m.Index == 0 ? ' ' : text[m.Index - 1];
        return end < text.Length && text[end] == ')' && (before == '(' || char.IsWhiteSpace(before));
    }

    private static decimal Scaled(decimal value, string unit)
    {
        var factor = unit.ToUpperInvariant() switch
        {
            "K" or "THOUSAND" => 1_000m,
            "M" or "MILLION" => 1_000_000m,
            "B" or "BILLION" => 1_000_000_000m,
            "T" or "TRILLION" => 1_000_000_000_000m,
            _ => 1m,
        };
        try
        {
            return value * factor;
        }
        catch (OverflowException)
        {
            return value;
        }
    }

    // Not glued to a word before it (a letter or digit, or a hyphenated name such as "Llama-3.1-8B"), nor after it
    // except through a unit: "%", "x"/"×" (times), or a scale (K, M, B, T, thousand, million, billion, trillion).
    [GeneratedRegex(@"(?<![\p{L}\p{N}.,_])(?<!\p{L}[\p{L}\p{N}.\-]*-)(?<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<frac>\d+))?(?:\s?(?<unit>%|×|thousand|million|billion|trillion)|(?<unit>[xX×KkMBT]))?(?![\p{L}\p{N}])", RegexOptions.ExplicitCapture)]
    private static partial Regex Number();
}
