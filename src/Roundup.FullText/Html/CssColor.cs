using System.Globalization;
using System.Text.RegularExpressions;

namespace Roundup.FullText.Html;

/// <summary>A CSS colour as a reader would see it: red, green, blue in 0–255 and alpha in 0–1.</summary>
internal readonly partial record struct CssColor(double R, double G, double B, double A)
{
    public static readonly CssColor White = new(255, 255, 255, 1);

    public bool IsTransparent => A < 0.1;

    public bool IsOpaque => A >= 0.9;

    public bool IsWhite => IsOpaque && R >= 240 && G >= 240 && B >= 240;

    /// <summary>Whether text in this colour on <paramref name="background"/> is (nearly) invisible: the channels within a few steps.</summary>
    public bool LooksLike(CssColor background) =>
        Math.Abs(R - background.R) <= 24 && Math.Abs(G - background.G) <= 24 && Math.Abs(B - background.B) <= 24;

    /// <summary>This colour painted over <paramref name="under"/> (alpha compositing).</summary>
    public CssColor Over(CssColor under) => IsOpaque ? this with { A = 1 } : new(
        (R * A) + (under.R * (1 - A)), (G * A) + (under.G * (1 - A)), (B * A) + (under.B * (1 - A)), 1);

    /// <summary>Parses a colour value: a name, <c>transparent</c>, <c>#rgb[a]</c>, <c>#rrggbb[aa]</c>, <c>rgb[a](…)</c> or <c>hsl[a](…)</c>.</summary>
    public static CssColor? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = value.Trim().ToLowerInvariant();
        if (v == "transparent")
        {
            return new CssColor(0, 0, 0, 0);
        }

        if (v.StartsWith('#'))
        {
            return Hex(v[1..]);
        }

        var f = Function().Match(v);
        if (f.Success)
        {
            var args = f.Groups["args"].Value.Split([',', ' ', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (args.Length is < 3 or > 4)
            {
                return null;
            }

            var alpha = args.Length == 4 ? Fraction(args[3]) : 1;
            if (alpha is null)
            {
                return null;
            }

            if (f.Groups["name"].Value.StartsWith("rgb", StringComparison.Ordinal))
            {
                var rgb = args.Take(3).Select(Channel).ToArray();
                return rgb.All(c => c is not null) ? new CssColor(rgb[0]!.Value, rgb[1]!.Value, rgb[2]!.Value, alpha.Value) : null;
            }

            var h = Number(args[0].Replace("deg", "", StringComparison.Ordinal));
            var s = Fraction(args[1]);
            var l = Fraction(args[2]);
            return h is null || s is null || l is null ? null : FromHsl(h.Value, s.Value, l.Value, alpha.Value);
        }

        if (!v.All(char.IsAsciiLetter))
        {
            return null;
        }

        var known = System.Drawing.Color.FromName(v);
        return known.IsKnownColor && !known.IsSystemColor ? new CssColor(known.R, known.G, known.B, known.A / 255.0) : null;
    }

    /// <summary>The first colour among the words of a shorthand (<c>background: #000 url(x) no-repeat</c>), or null.</summary>
    public static CssColor? FirstIn(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        foreach (Match m in Word().Matches(value))
        {
            if (Parse(m.Value) is { } color)
            {
                return color;
            }
        }

        return null;
    }

    private static CssColor? Hex(string hex)
    {
        if (!hex.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        int Digit(int i) => int.Parse(hex.AsSpan(i, 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture) * 17;
        int Pair(int i) => int.Parse(hex.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return hex.Length switch
        {
            3 => new CssColor(Digit(0), Digit(1), Digit(2), 1),
            4 => new CssColor(Digit(0), Digit(1), Digit(2), Digit(3) / 255.0),
            6 => new CssColor(Pair(0), Pair(2), Pair(4), 1),
            8 => new CssColor(Pair(0), Pair(2), Pair(4), Pair(6) / 255.0),
            _ => null,
        };
    }

    private static CssColor FromHsl(double h, double s, double l, double a)
    {
        h = ((h % 360) + 360) % 360 / 360;
        double Hue(double t)
        {
            t = (t + 1) % 1;
            var q = l < 0.5 ? l * (1 + s) : l + s - (l * s);
            var p = (2 * l) - q;
            return t < 1.0 / 6 ? p + ((q - p) * 6 * t) : t < 0.5 ? q : t < 2.0 / 3 ? p + ((q - p) * ((2.0 / 3) - t) * 6) : p;
        }

        return new CssColor(Hue(h + (1.0 / 3)) * 255, Hue(h) * 255, Hue(h - (1.0 / 3)) * 255, a);
    }

    private static double? Channel(string s) =>
        s.EndsWith('%') ? Number(s[..^1]) * 2.55 : Number(s);

    private static double? Fraction(string s) =>
        s.EndsWith('%') ? Number(s[..^1]) / 100 : Number(s);

    private static double? Number(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    [GeneratedRegex(@"^(?<name>rgba?|hsla?)\((?<args>[^()]*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex Function();

    [GeneratedRegex(@"#[0-9a-fA-F]+|(?:rgba?|hsla?)\([^()]*\)|[A-Za-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
