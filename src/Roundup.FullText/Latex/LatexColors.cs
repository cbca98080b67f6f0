using System.Globalization;
using System.Text.RegularExpressions;

namespace Roundup.FullText.Latex;

/// <summary>An RGB colour with channels in 0–1.</summary>
internal readonly record struct LatexRgb(double R, double G, double B)
{
    public static readonly LatexRgb White = new(1, 1, 1);
    public static readonly LatexRgb Black = new(0, 0, 0);

    public bool IsWhite => R >= 0.9 && G >= 0.9 && B >= 0.9;

    /// <summary>Whether text in this colour on <paramref name="background"/> is (nearly) invisible.</summary>
    public bool LooksLike(LatexRgb background) =>
        Math.Abs(R - background.R) <= 0.1 && Math.Abs(G - background.G) <= 0.1 && Math.Abs(B - background.B) <= 0.1;

    public LatexRgb Mix(double share, LatexRgb other) =>
        new((R * share) + (other.R * (1 - share)), (G * share) + (other.G * (1 - share)), (B * share) + (other.B * (1 - share)));
}

/// <summary>
/// What the document's colours print as: xcolor's base names, the document's own <c>\definecolor</c> and
/// <c>\colorlet</c>, mixes (<c>red!30!black</c>), explicit models, and the page colour (<c>\pagecolor</c>).
/// </summary>
internal sealed partial class LatexColors
{
    private readonly Dictionary<string, LatexRgb> _named = new(StringComparer.Ordinal)
    {
        ["white"] = LatexRgb.White, ["black"] = LatexRgb.Black, ["red"] = new(1, 0, 0), ["green"] = new(0, 1, 0), ["blue"] = new(0, 0, 1),
        ["cyan"] = new(0, 1, 1), ["magenta"] = new(1, 0, 1), ["yellow"] = new(1, 1, 0), ["gray"] = new(0.5, 0.5, 0.5),
        ["darkgray"] = new(0.25, 0.25, 0.25), ["lightgray"] = new(0.75, 0.75, 0.75), ["brown"] = new(0.75, 0.5, 0.25),
        ["lime"] = new(0.75, 1, 0), ["olive"] = new(0.5, 0.5, 0), ["orange"] = new(1, 0.5, 0), ["pink"] = new(1, 0.75, 0.75),
        ["purple"] = new(0.75, 0, 0.25), ["teal"] = new(0, 0.5, 0.5), ["violet"] = new(0.5, 0, 0.5),
        ["White"] = LatexRgb.White, ["WHITE"] = LatexRgb.White, ["snow"] = new(1, 0.98, 0.98), ["Snow"] = new(1, 0.98, 0.98),
        ["ivory"] = new(1, 1, 0.94), ["Ivory"] = new(1, 1, 0.94), ["Black"] = LatexRgb.Black,
    };

    /// <summary>The page's colour: white unless <c>\pagecolor</c> sets another.</summary>
    public LatexRgb Page { get; private set; } = LatexRgb.White;

    /// <summary>Learns the document's own colours (<c>\definecolor{bg}{rgb}{1,1,1}</c>, <c>\colorlet{bg}{white}</c>) and its page colour.</summary>
    public void Learn(string text)
    {
        foreach (Match m in Definition().Matches(text))
        {
            var spec = m.Groups["spec"].Value;
            var model = m.Groups["model"].Success ? m.Groups["model"].Value : null;
            if (Resolve(model, spec) is { } rgb)
            {
                _named[m.Groups["name"].Value.Trim()] = rgb;
            }
        }

        if (PageColor().Match(text) is { Success: true } page
            && Resolve(page.Groups["model"].Success ? page.Groups["model"].Value : null, page.Groups["spec"].Value) is { } pageRgb)
        {
            Page = pageRgb;
        }
    }

    public bool IsWhite(string? model, string spec) => Resolve(model, spec) is { IsWhite: true };

    /// <summary>The colour a specification prints as, or null when it cannot be told.</summary>
    public LatexRgb? Resolve(string? model, string spec)
    {
        spec = spec.Trim();
        var numbers = spec.Split(',', StringSplitOptions.TrimEntries);
        switch (model?.Trim())
        {
            case "rgb" when numbers.Length == 3 && numbers.Select(Parse).ToArray() is [{ } r, { } g, { } b]:
                return new LatexRgb(r, g, b);
            case "cmy" when numbers.Length == 3 && numbers.Select(Parse).ToArray() is [{ } c, { } m, { } y]:
                return new LatexRgb(1 - c, 1 - m, 1 - y);
            case "RGB" when numbers.Length == 3 && numbers.Select(Parse).ToArray() is [{ } r, { } g, { } b]:
                return new LatexRgb(r / 255, g / 255, b / 255);
            case "HTML" when spec.Length == 6 && int.TryParse(spec, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex):
                return new LatexRgb(((hex >> 16) & 0xFF) / 255.0, ((hex >> 8) & 0xFF) / 255.0, (hex & 0xFF) / 255.0);
            case "gray" when numbers.Length == 1 && Parse(numbers[0]) is { } gray:
                return new LatexRgb(gray, gray, gray);
            case "cmyk" when numbers.Length == 4 && numbers.Select(Parse).ToArray() is [{ } c, { } m, { } y, { } k]:
                return new LatexRgb((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k));
            case "named" or null or "":
                break;
            default:
                return null;
        }

        // xcolor expressions: "white!90!black" is 90% white, "black!3" is 3% black on white, "red!30!blue!50" goes on mixing.
        var parts = spec.Split('!', StringSplitOptions.TrimEntries);
        if (!_named.TryGetValue(parts[0], out var color))
        {
            return null;
        }

        for (var i = 1; i < parts.Length; i += 2)
        {
            if (Parse(parts[i]) is not { } percent)
            {
                return null;
            }

            var other = LatexRgb.White;
            if (i + 1 < parts.Length && !_named.TryGetValue(parts[i + 1], out other))
            {
                return null;
            }

            color = color.Mix(Math.Clamp(percent, 0, 100) / 100, other);
        }

        return color;
    }

    private static double? Parse(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    [GeneratedRegex(@"\\(?:definecolor\s*\{(?<name>[^{}]+)\}\s*\{(?<model>[^{}]+)\}|colorlet\s*\{(?<name>[^{}]+)\})\s*\{(?<spec>[^{}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Definition();

    [GeneratedRegex(@"\\pagecolor\s*(?:\[(?<model>[^\]]*)\])?\s*\{(?<spec>[^{}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PageColor();
}
