using System.Globalization;
using System.Text.RegularExpressions;

namespace Roundup.FullText.Latex;

/// <summary>Which colour names and specifications print as white (or nearly) on a white page.</summary>
internal sealed partial class LatexColors
{
    private readonly HashSet<string> _whiteNames = new(StringComparer.Ordinal) { "white", "White", "WHITE", "snow", "Snow", "ivory", "Ivory" };

    /// <summary>Learns the document's own colours defined as white (<c>\definecolor{bg}{rgb}{1,1,1}</c>, <c>\colorlet{bg}{white}</c>).</summary>
    public void Learn(string text)
    {
        foreach (Match m in DefineColor().Matches(text))
        {
            if (IsWhite(m.Groups["model"].Value, m.Groups["spec"].Value))
            {
                _whiteNames.Add(m.Groups["name"].Value.Trim());
            }
        }

        foreach (Match m in ColorLet().Matches(text))
        {
            if (IsWhite(null, m.Groups["spec"].Value))
            {
                _whiteNames.Add(m.Groups["name"].Value.Trim());
            }
        }
    }

    public bool IsWhite(string? model, string spec)
    {
        spec = spec.Trim();
        var numbers = spec.Split(',', StringSplitOptions.TrimEntries);
        switch (model?.Trim())
        {
            case "rgb" or "cmy" when numbers.Length == 3:
                return numbers.All(n => Parse(n) is { } v && (model.Trim() == "rgb" ? v >= 0.95 : v <= 0.05));
            case "RGB" when numbers.Length == 3:
                return numbers.All(n => Parse(n) >= 242);
            case "HTML" when spec.Length == 6:
                return spec.Chunk(2).All(c => int.TryParse(c, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v) && v >= 0xF2);
            case "gray" when numbers.Length == 1:
                return Parse(numbers[0]) >= 0.95;
            case "cmyk" when numbers.Length == 4:
                return numbers.All(n => Parse(n) <= 0.05);
            case { Length: > 0 }:
                return false;
        }

        // xcolor mixes: "white!90!black" is 90% white; "black!3" is 3% black on white.
        var parts = spec.Split('!', StringSplitOptions.TrimEntries);
        if (_whiteNames.Contains(parts[0]))
        {
            return parts.Length == 1 || Parse(parts[1]) >= 90;
        }

        return parts.Length >= 2 && parts[0] == "black" && Parse(parts[1]) <= 5 && (parts.Length == 2 || _whiteNames.Contains(parts[2]));
    }

    private static double? Parse(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    [GeneratedRegex(@"\\definecolor\s*\{(?<name>[^{}]+)\}\s*\{(?<model>[^{}]+)\}\s*\{(?<spec>[^{}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex DefineColor();

    [GeneratedRegex(@"\\colorlet\s*\{(?<name>[^{}]+)\}\s*\{(?<spec>[^{}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex ColorLet();
}
