using System.Globalization;
using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Headline;

/// <summary>
/// A table cell read as a number: its value, how many decimals it was printed with, and the cell's text as printed
/// (with its ±, % and footnote marks), so a fact can quote it exactly.
/// </summary>
public readonly partial record struct CellNumber(double Value, int Decimals, string Printed)
{
    /// <summary>Half a unit of the last printed digit: how far the true value may be from the printed one.</summary>
    public double Rounding => 0.5 * Math.Pow(10, -Decimals);

    /// <summary>
    /// The numbers a claim may read this cell as, each with how far off it may be: the cell itself, and for a fraction
    /// printed with two or more decimals also its percentage (a claimed 21.99% is the cell 0.2199).
    /// </summary>
    public IEnumerable<(double Value, double Slack)> AsClaimed()
    {
        yield return (Value, Rounding);
        if (Value is > 0 and <= 1 && Decimals >= 2)
        {
            yield return (Value * 100, Rounding * 100);
        }
    }

    /// <summary>Whether a claimed number, within <paramref name="rounding"/> of its last digit, is this cell.</summary>
    public bool Shows(double claimed, double rounding) => AsClaimed().Any(x => Math.Abs(x.Value - claimed) <= rounding + x.Slack + 1e-9);

    /// <summary>The cell as a number, or null for text, empty cells, dashes, "n/a" and the like.</summary>
    public static CellNumber? Parse(string cell)
    {
        var text = cell.Trim();
        var m = Number().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var digits = m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal).Replace('\u2212', '-');
        if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var dot = digits.IndexOf('.', StringComparison.Ordinal);
        var printed = MarkSpacing().Replace(text.Replace("^", "", StringComparison.Ordinal), "$1");
        return new CellNumber(value, dot < 0 ? 0 : digits.Length - dot - 1, printed);
    }

    /// <summary>The number with the decimals of <paramref name="decimals"/>, as a margin is printed.</summary>
    public static string Format(double value, int decimals) => value.ToString("F" + Math.Clamp(decimals, 0, 6), CultureInfo.InvariantCulture);

    // A number with what papers print around it: a sign, ~ or ≈ before; %, ×, a size suffix, ± or (±) an error and
    // footnote marks after. Anything else (words, ranges, "n/a", a lone dash) is not a number.
    [GeneratedRegex(@"^(?:[~≈<>≤≥]\s*)?(?<n>[-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-−+]?\.\d+)\s*(?:%|×|x|[KMBT]\b)?\s*(?:(?:±|\+/-|\+-)\s*\d*\.?\d+\s*%?|\(\s*±?\s*\d*\.?\d+\s*\)|\[\s*\d*\.?\d+\s*[,-–]\s*\d*\.?\d+\s*\])?\s*[\^*†‡§¶∗#⋆★]*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+([†‡§¶∗⋆★])")]
    private static partial Regex MarkSpacing();
}
