using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Roundup.FullText.Html;

/// <summary>What an element inherits that decides whether its text can be seen: text colour, what is painted behind it, opacity.</summary>
/// <param name="Color">The text colour, black unless set.</param>
/// <param name="Background">The colour behind the text, the page's white unless a box paints one; null when an image or gradient is behind it.</param>
/// <param name="Opacity">The product of the opacities of the element and its ancestors.</param>
/// <param name="PaintedBackground">Whether any ancestor painted a background of its own (the page's white is not one).</param>
/// <param name="Unseen">When text in this paint cannot be seen: the element whose colour or background made it so, how, and what kind.</param>
internal readonly record struct HtmlPaint(CssColor Color, CssColor? Background, double Opacity, bool PaintedBackground, HtmlUnseen? Unseen = null)
{
    public static readonly HtmlPaint Page = new(new CssColor(0, 0, 0, 1), CssColor.White, 1, false);
}

/// <summary>Text coloured so that it cannot be seen, from <paramref name="Origin"/> down until a descendant colours it again.</summary>
internal sealed record HtmlUnseen(IElement Origin, HiddenTextKind Kind, string How);

/// <summary>
/// Whether an element is hidden from a reader by what its style (the page's style sheets already folded in) makes of
/// its box, not by a list of tricks alone: no box (display, visibility, opacity), a box of no size that clips, a box
/// clipped away, scaled to nothing or moved far off the page, text too small to read, or text coloured like
/// what is behind it or transparent.
/// </summary>
internal static partial class HtmlHiddenStyle
{
    /// <summary>How far off (in CSS pixels) a box must be moved to count as off the page.</summary>
    private const double FarOff = 999;

    /// <summary>
    /// Classifies <paramref name="element"/>'s box given what it inherits; <paramref name="paint"/> is what its text and
    /// children inherit, its <see cref="HtmlPaint.Unseen"/> set when the text colour cannot be seen (a descendant may
    /// colour its text again, so colour is judged where the text is).
    /// </summary>
    public static (HiddenTextKind Kind, string How)? Classify(IElement element, HtmlPaint inherited, out HtmlPaint paint)
    {
        paint = inherited;
        if (element.HasAttribute("hidden"))
        {
            return (HiddenTextKind.HtmlHiddenStyle, "hidden attribute");
        }

        var style = Declarations(element);
        var fontColor = element.LocalName == "font" ? element.GetAttribute("color") : null;
        var bgColor = element.GetAttribute("bgcolor");
        if (style.Count == 0 && fontColor is null && bgColor is null)
        {
            return null;
        }

        string How(string property) => $"{property}:{style[property]}";

        if (style.GetValueOrDefault("display") == "none")
        {
            return (HiddenTextKind.HtmlHiddenStyle, How("display"));
        }

        if (style.GetValueOrDefault("visibility") is "hidden" or "collapse")
        {
            return (HiddenTextKind.HtmlHiddenStyle, How("visibility"));
        }

        if (style.TryGetValue("opacity", out var opacityText) && Fraction(opacityText) is { } opacity)
        {
            paint = paint with { Opacity = inherited.Opacity * Math.Clamp(opacity, 0, 1) };
            if (paint.Opacity < 0.05)
            {
                return (HiddenTextKind.HtmlHiddenStyle, How("opacity"));
            }
        }

        if (style.TryGetValue("font-size", out var size) && IsTiny(size))
        {
            return (HiddenTextKind.HtmlTinyFont, How("font-size"));
        }

        if (ZeroSize(style) is { } zero)
        {
            return (HiddenTextKind.HtmlZeroSizeBox, zero);
        }

        if (Clipped(style) is { } clip)
        {
            return (HiddenTextKind.HtmlClipped, clip);
        }

        if (style.TryGetValue("transform", out var transform) && TransformHides(transform) is { } t)
        {
            return (t, How("transform"));
        }

        if (style.TryGetValue("scale", out var scale) && scale.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(f => Fraction(f) is { } v && Math.Abs(v) < 0.05))
        {
            return (HiddenTextKind.HtmlScaledToZero, How("scale"));
        }

        if (OffScreen(style) is { } off)
        {
            return (HiddenTextKind.HtmlOffScreen, off);
        }

        Colours(element, style, fontColor, bgColor, ref paint);
        return null;
    }

    private static void Colours(IElement element, Dictionary<string, string> style, string? fontColor, string? bgColor, ref HtmlPaint paint)
    {
        var backgroundText = style.GetValueOrDefault("background-color") ?? style.GetValueOrDefault("background") ?? bgColor;
        if (backgroundText is not null)
        {
            var background = CssColor.FirstIn(backgroundText);
            var image = (style.GetValueOrDefault("background") ?? "") + (style.GetValueOrDefault("background-image") ?? "");
            if (image.Contains("url(", StringComparison.Ordinal) || image.Contains("gradient(", StringComparison.Ordinal))
            {
                paint = paint with { Background = null, PaintedBackground = true };
            }
            else if (background is { IsTransparent: false } b && paint.Background is { } under)
            {
                paint = paint with { Background = b.Over(under), PaintedBackground = true };
            }
        }

        var colorText = style.GetValueOrDefault("color") ?? fontColor;
        var declared = colorText is not null ? CssColor.Parse(colorText) : null;
        if (declared is null && backgroundText is null)
        {
            return;
        }

        if (declared is { } color)
        {
            paint = paint with { Color = color };
        }

        var how = string.Join(" on ", new[] { colorText is null ? null : $"color:{colorText}", backgroundText is null ? null : $"background:{backgroundText}" }.OfType<string>());
        if (paint.Color.IsTransparent)
        {
            paint = paint with { Unseen = paint.Unseen ?? new HtmlUnseen(element, HiddenTextKind.HtmlTransparentText, how) };
            return;
        }

        if (paint.Background is not { } behind)
        {
            paint = paint with { Unseen = null };
            return;
        }

        if (!paint.Color.Over(behind).LooksLike(behind))
        {
            paint = paint with { Unseen = null };
            return;
        }

        var kind = paint.Color.IsWhite && !paint.PaintedBackground ? HiddenTextKind.HtmlWhiteText : HiddenTextKind.HtmlTextLikeBackground;
        paint = paint with { Unseen = paint.Unseen ?? new HtmlUnseen(element, kind, how) };
    }

    /// <summary>A box with no height or no width that clips what overflows it shows nothing.</summary>
    private static string? ZeroSize(Dictionary<string, string> style)
    {
        var overflow = style.GetValueOrDefault("overflow") ?? "";
        bool Clips(string axis) => (style.GetValueOrDefault("overflow-" + axis) ?? overflow).Split(' ')[0] is "hidden" or "clip" or "scroll" or "auto";
        foreach (var (property, axis) in new[] { ("height", "y"), ("max-height", "y"), ("width", "x"), ("max-width", "x") })
        {
            if (style.TryGetValue(property, out var value) && Pixels(value) is { } px && px <= 1 && Clips(axis))
            {
                return $"{property}:{value};overflow:{style.GetValueOrDefault("overflow-" + axis) ?? overflow}";
            }
        }

        return null;
    }

    /// <summary><c>clip-path</c> that leaves no area, or <c>clip:rect(…)</c> with no area on a positioned box.</summary>
    private static string? Clipped(Dictionary<string, string> style)
    {
        if (style.TryGetValue("clip-path", out var path))
        {
            var inset = Inset().Match(path);
            if (inset.Success)
            {
                var v = inset.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => w != "round").ToArray();
                if (v.Length is >= 1 and <= 4)
                {
                    string Side(int i) => v[i < v.Length ? i : i == 2 ? 0 : i == 3 ? (v.Length > 1 ? 1 : 0) : 0];
                    if (Covers(Side(0), Side(2)) || Covers(Side(1), Side(3)))
                    {
                        return $"clip-path:{path}";
                    }
                }
            }

            var shape = Shape().Match(path);
            if (shape.Success && (Pixels(shape.Groups[2].Value) == 0 || Percent(shape.Groups[2].Value) == 0))
            {
                return $"clip-path:{path}";
            }
        }

        if (style.TryGetValue("clip", out var clip) && style.GetValueOrDefault("position") is "absolute" or "fixed")
        {
            var rect = Rect().Match(clip);
            if (rect.Success)
            {
                var v = rect.Groups[1].Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Select(Pixels).ToArray();
                if (v.Length == 4 && ((v[0] is { } top && v[2] is { } bottom && bottom <= top) || (v[1] is { } right && v[3] is { } left && right <= left)))
                {
                    return $"clip:{clip}";
                }
            }
        }

        return null;

        static bool Covers(string a, string b) =>
            (Percent(a) ?? 0) + (Percent(b) ?? 0) >= 100 || (Pixels(a) ?? 0) >= 2 * FarOff || (Pixels(b) ?? 0) >= 2 * FarOff;
    }

    private static HiddenTextKind? TransformHides(string transform)
    {
        foreach (Match m in TransformFunction().Matches(transform))
        {
            var name = m.Groups[1].Value;
            var args = m.Groups[2].Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
            switch (name)
            {
                case "scale" or "scalex" or "scaley" or "scale3d" when args.Take(2).Any(a => Fraction(a) is { } f && Math.Abs(f) < 0.05):
                    return HiddenTextKind.HtmlScaledToZero;
                case "matrix" when args.Length == 6 && args.Take(4).Select(Fraction).ToArray() is [{ } a, { } b, { } c, { } d] && Math.Abs((a * d) - (b * c)) < 0.0025:
                    return HiddenTextKind.HtmlScaledToZero;
                case "translate" or "translatex" or "translatey" or "translate3d" when args.Take(2).Any(a => Pixels(a) is { } px && Math.Abs(px) >= FarOff):
                    return HiddenTextKind.HtmlOffScreen;
            }
        }

        return null;
    }

    /// <summary>A box or its first line moved a long way off: text-indent, offsets of a positioned box, negative margins.</summary>
    private static string? OffScreen(Dictionary<string, string> style)
    {
        if (style.TryGetValue("text-indent", out var indent) && Pixels(indent) is { } i && i <= -FarOff)
        {
            return $"text-indent:{indent}";
        }

        if (style.GetValueOrDefault("position") is "absolute" or "fixed" or "relative")
        {
            foreach (var side in new[] { "left", "top", "right", "bottom" })
            {
                if (style.TryGetValue(side, out var offset) && Pixels(offset) is { } px && px <= -FarOff)
                {
                    return $"position:{style["position"]};{side}:{offset}";
                }
            }
        }

        if (style.TryGetValue("margin", out var margin))
        {
            var v = margin.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var top = v.Length > 0 ? Pixels(v[0]) : null;
            var left = v.Length switch { 4 => Pixels(v[3]), 2 or 3 => Pixels(v[1]), 1 => top, _ => null };
            if (top <= -FarOff || left <= -FarOff)
            {
                return $"margin:{margin}";
            }
        }

        foreach (var side in new[] { "margin-left", "margin-top" })
        {
            if (style.TryGetValue(side, out var offset) && Pixels(offset) is { } px && px <= -FarOff)
            {
                return $"{side}:{offset}";
            }
        }

        return null;
    }

    private static Dictionary<string, string> Declarations(IElement element)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var style = element.GetAttribute("style");
        if (string.IsNullOrWhiteSpace(style))
        {
            return result;
        }

        foreach (var declaration in style.Split(';'))
        {
            var colon = declaration.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var value = declaration[(colon + 1)..].Replace("!important", "", StringComparison.OrdinalIgnoreCase);
                result[declaration[..colon].Trim().ToLowerInvariant()] = Spaces().Replace(value.Trim(), " ").Replace(", ", ",", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal).Replace("( ", "(", StringComparison.Ordinal).Replace(" )", ")", StringComparison.Ordinal).ToLowerInvariant();
            }
        }

        // LaTeXML (arXiv's HTML) sets colours through custom properties its own style sheet applies: --ltx-fg-color, --ltx-bg-color.
        foreach (var (custom, property) in new[] { ("--ltx-fg-color", "color"), ("--ltx-bg-color", "background-color") })
        {
            if (result.TryGetValue(custom, out var value) && !result.ContainsKey(property))
            {
                result[property] = value;
            }
        }

        return result;
    }

    private static bool IsTiny(string size)
    {
        var m = Length().Match(size);
        if (!m.Success)
        {
            return false;
        }

        var value = double.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch
        {
            "em" or "rem" => value < 0.2,
            "%" => value < 20,
            _ => value < 2,
        };
    }

    /// <summary>A length in CSS pixels (relative units at a 16 px font), or null for percentages, keywords and the unreadable.</summary>
    internal static double? Pixels(string value)
    {
        var m = Length().Match(value.Trim());
        if (!m.Success)
        {
            return null;
        }

        var n = double.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) * (value.TrimStart().StartsWith('-') ? -1 : 1);
        return m.Groups[2].Value switch
        {
            "" or "px" => n,
            "pt" => n * 4 / 3,
            "pc" => n * 16,
            "in" => n * 96,
            "cm" => n * 96 / 2.54,
            "mm" => n * 96 / 25.4,
            "em" or "rem" or "ch" => n * 16,
            "ex" => n * 8,
            "vw" or "vh" or "vmin" or "vmax" => n * 10,
            _ => null,
        };
    }

    private static double? Percent(string value) =>
        Length().Match(value.Trim()) is { Success: true } m && m.Groups[2].Value == "%" ? double.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null;

    private static double? Fraction(string value) =>
        value.EndsWith('%') ? Fraction(value[..^1]) / 100
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^-?(\d+(?:\.\d+)?|\.\d+)(px|pt|pc|in|cm|mm|em|rem|ex|ch|vw|vh|vmin|vmax|%|)$")]
    private static partial Regex Length();

    [GeneratedRegex(@"inset\(([^()]*)\)")]
    private static partial Regex Inset();

    [GeneratedRegex(@"(circle|ellipse)\(\s*([^\s(),]+)")]
    private static partial Regex Shape();

    [GeneratedRegex(@"rect\(([^()]*)\)")]
    private static partial Regex Rect();

    [GeneratedRegex(@"([a-z0-9]+)\(([^()]*)\)")]
    private static partial Regex TransformFunction();
}
