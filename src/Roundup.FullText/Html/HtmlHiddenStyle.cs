using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Roundup.FullText.Html;

/// <summary>Whether an element is hidden from a reader by its style (the page's style sheets already folded in) or attributes.</summary>
internal static partial class HtmlHiddenStyle
{
    public static HiddenTextKind? Classify(IElement element)
    {
        if (element.HasAttribute("hidden"))
        {
            return HiddenTextKind.HtmlHiddenStyle;
        }

        if (element.LocalName == "font" && IsWhite(element.GetAttribute("color")) && !HasDarkBackground(element))
        {
            return HiddenTextKind.HtmlWhiteText;
        }

        var style = Declarations(element);
        if (style.Count == 0)
        {
            return null;
        }

        if (style.GetValueOrDefault("display") == "none"
            || style.GetValueOrDefault("visibility") is "hidden" or "collapse"
            || (Number(style.GetValueOrDefault("opacity")) is { } opacity && opacity < 0.05)
            || (style.GetValueOrDefault("position") is "absolute" or "fixed" && (IsFarNegative(style.GetValueOrDefault("left")) || IsFarNegative(style.GetValueOrDefault("top")))))
        {
            return HiddenTextKind.HtmlHiddenStyle;
        }

        if (style.TryGetValue("font-size", out var size) && IsTiny(size))
        {
            return HiddenTextKind.HtmlTinyFont;
        }

        return style.TryGetValue("color", out var color) && IsWhite(color) && !HasDarkBackground(element)
            ? HiddenTextKind.HtmlWhiteText
            : null;
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
                result[declaration[..colon].Trim().ToLowerInvariant()] = Spaces().Replace(value, "").ToLowerInvariant();
            }
        }

        return result;
    }

    private static bool HasDarkBackground(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            var style = Declarations(e);
            var background = style.GetValueOrDefault("background-color") ?? style.GetValueOrDefault("background");
            if (background is not null && background != "transparent" && background != "none" && !IsWhite(background))
            {
                return true;
            }

            if (e.GetAttribute("bgcolor") is { } bg && !IsWhite(bg))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsWhite(string? color)
    {
        if (string.IsNullOrWhiteSpace(color))
        {
            return false;
        }

        var c = Spaces().Replace(color, "").ToLowerInvariant();
        if (c is "white" or "#fff" or "#ffffff" or "#fefefe" or "snow" or "ivory" or "ghostwhite" or "whitesmoke" or "floralwhite")
        {
            return true;
        }

        var m = Rgb().Match(c);
        return m.Success && m.Groups.Cast<Group>().Skip(1).Take(3).All(g => int.Parse(g.ValueSpan, CultureInfo.InvariantCulture) >= 240);
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

    private static bool IsFarNegative(string? offset) =>
        offset is not null && Length().Match(offset) is { Success: true } m && offset.StartsWith('-')
        && double.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) >= 1000;

    private static double? Number(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^rgba?\((\d{1,3}),(\d{1,3}),(\d{1,3})(?:,(?:1|1\.0+|0?\.[5-9]\d*))?\)$")]
    private static partial Regex Rgb();

    [GeneratedRegex(@"^-?(\d+(?:\.\d+)?|\.\d+)(px|pt|em|rem|%|)$")]
    private static partial Regex Length();
}
