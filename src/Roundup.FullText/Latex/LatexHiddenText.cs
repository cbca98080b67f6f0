using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Roundup.FullText.Latex;

/// <summary>
/// Removes text a reader of the PDF would not see, judged by what is printed: text coloured like what is behind it
/// (the page, or the <c>\colorbox</c> around it), phantoms, tiny fonts, boxes scaled or resized to nothing, and text
/// pushed or raised far off the page. Every such region is removed; the ones holding words are reported. Colour
/// commands and boxes are followed into one another up to <see cref="FullTextLimits.MaxLatexNesting"/> deep.
/// </summary>
internal sealed partial class LatexHiddenText(LatexColors colors, EvidenceBuilder builder, Func<string, string> locate, ReadBudget budget)
{
    /// <summary>How far (in points) text must be pushed or raised to be off any page: about 25 cm.</summary>
    private const double FarOff = 700;

    /// <summary>The text colour and what is behind it; <paramref name="Boxed"/> when a box painted the background.</summary>
    private readonly record struct Paint(LatexRgb Text, LatexRgb Background, bool Boxed);

    /// <summary>A region found at a match: hidden (with its kind), or to be read again with another paint.</summary>
    private readonly record struct Region(HiddenTextKind? Kind, int Start, int End, int RemoveEnd, Paint? Inner = null, string? How = null);

    public string RemoveAndReport(string text) => Process(text, new Paint(LatexRgb.Black, colors.Page, false), 0);

    private string Process(string text, Paint paint, int depth)
    {
        if (depth > budget.Limits.MaxLatexNesting)
        {
            throw budget.Refuse($"the LaTeX nests colour and box commands more than {budget.Limits.MaxLatexNesting} deep (FullTextLimits.MaxLatexNesting)");
        }

        var sb = new StringBuilder(text.Length);
        var depths = new GroupDepth(text);
        var i = 0;
        while (true)
        {
            budget.Check();
            var m = Hiding().Match(text, i);
            if (!m.Success)
            {
                break;
            }

            var region = Find(text, m, paint, depths);
            if (region.Kind is { } kind && region.RemoveEnd > m.Index)
            {
                Report(kind, text[region.Start..region.End], region.How);
                sb.Append(text, i, m.Index - i);
                i = region.RemoveEnd;
            }
            else if (region.Inner is { } inner && region.End > region.Start && region.Start > m.Index)
            {
                sb.Append(text, i, region.Start - i);
                sb.Append(Process(text[region.Start..region.End], inner, depth + 1));
                i = region.End;
            }
            else
            {
                sb.Append(text, i, m.Index + m.Length - i);
                i = m.Index + m.Length;
            }
        }

        sb.Append(text, i, text.Length - i);
        return sb.ToString();
    }

    private Region Find(string text, Match m, Paint paint, GroupDepth depths)
    {
        var after = m.Index + m.Length;
        switch (m.Groups["cmd"].Value)
        {
            case "textcolor":
            {
                var model = LatexScanner.ReadOptional(text, after, out var e0);
                var spec = LatexScanner.ReadGroup(text, model is null ? after : e0, out var e1);
                var contentStart = LatexScanner.SkipSpaces(text, e1) + 1;
                if (spec is null || colors.Resolve(model, spec) is not { } color || LatexScanner.ReadGroup(text, e1, out var e2) is null)
                {
                    return default;
                }

                return Coloured(paint with { Text = color }, contentStart, e2 - 1, e2, $"\\textcolor{{{spec}}}");
            }

            case "color":
            {
                var model = LatexScanner.ReadOptional(text, after, out var e0);
                var spec = LatexScanner.ReadGroup(text, model is null ? after : e0, out var e1);
                if (spec is null || colors.Resolve(model, spec) is not { } color)
                {
                    return default;
                }

                var end = DeclarationEnd(text, e1);
                return Coloured(paint with { Text = color }, e1, end, end, $"\\color{{{spec}}}");
            }

            case "colorbox" or "fcolorbox":
            {
                var model = LatexScanner.ReadOptional(text, after, out var e0);
                var start = model is null ? after : e0;
                if (m.Groups["cmd"].Value == "fcolorbox" && LatexScanner.ReadGroup(text, start, out start) is null)
                {
                    return default;
                }

                var spec = LatexScanner.ReadGroup(text, start, out var e1);
                var contentStart = LatexScanner.SkipSpaces(text, e1) + 1;
                if (spec is null || colors.Resolve(model, spec) is not { } background || LatexScanner.ReadGroup(text, e1, out var e2) is not { } content)
                {
                    return default;
                }

                var boxed = paint with { Background = background, Boxed = true };
                var recoloured = content.Contains("\\color", StringComparison.Ordinal) || content.Contains("\\textcolor", StringComparison.Ordinal);
                return !recoloured && paint.Text.LooksLike(background)
                    ? new Region(HiddenTextKind.LatexTextLikeBackground, contentStart, e2 - 1, e2, How: $"text on \\{m.Groups["cmd"].Value}{{{spec}}}")
                    : new Region(null, contentStart, e2 - 1, e2, boxed);
            }

            case "phantom" or "hphantom" or "vphantom":
                return LatexScanner.ReadGroup(text, after, out var pe) is null ? default : new Region(HiddenTextKind.LatexPhantom, LatexScanner.SkipSpaces(text, after) + 1, pe - 1, pe);
            case "tiny":
                return ToScopeEnd(HiddenTextKind.LatexTinyFont, text, after, depths);
            case "fontsize":
            {
                var size = LatexScanner.ReadGroup(text, after, out var e1);
                LatexScanner.ReadGroup(text, e1, out var e2);
                return size is not null && Points(size) is < 2 ? ToScopeEnd(HiddenTextKind.LatexTinyFont, text, e2, depths) : default;
            }

            case "scalebox":
            {
                var factor = LatexScanner.ReadGroup(text, after, out var e1);
                var vertical = LatexScanner.ReadOptional(text, e1, out var e1v);
                var contentFrom = vertical is null ? e1 : e1v;
                var contentStart = LatexScanner.SkipSpaces(text, contentFrom) + 1;
                var small = Math.Abs(Number(factor) ?? 1) < 0.1 || Math.Abs(Number(vertical) ?? 1) < 0.1;
                return factor is not null && small && LatexScanner.ReadGroup(text, contentFrom, out var e2) is not null
                    ? new Region(HiddenTextKind.LatexZeroSizeBox, contentStart, e2 - 1, e2, How: $"\\scalebox{{{factor}}}")
                    : default;
            }

            case "resizebox":
            {
                var width = LatexScanner.ReadGroup(text, after, out var e1);
                var height = LatexScanner.ReadGroup(text, e1, out var e2);
                var contentStart = LatexScanner.SkipSpaces(text, e2) + 1;
                return width is not null && height is not null && (IsZero(width) || IsZero(height)) && LatexScanner.ReadGroup(text, e2, out var e3) is not null
                    ? new Region(HiddenTextKind.LatexZeroSizeBox, contentStart, e3 - 1, e3, How: $"\\resizebox{{{width}}}{{{height}}}")
                    : default;
            }

            case "raisebox":
            {
                var lift = LatexScanner.ReadGroup(text, after, out var e1);
                var from = e1;
                for (var k = 0; k < 2 && LatexScanner.ReadOptional(text, from, out var eo) is not null; k++)
                {
                    from = eo;
                }

                var contentStart = LatexScanner.SkipSpaces(text, from) + 1;
                return lift is not null && Math.Abs(Points(lift) ?? 0) >= FarOff && LatexScanner.ReadGroup(text, from, out var e2) is not null
                    ? new Region(HiddenTextKind.LatexZeroSizeBox, contentStart, e2 - 1, e2, How: $"\\raisebox{{{lift}}}")
                    : default;
            }

            case "hspace":
            {
                var length = LatexScanner.ReadGroup(text, after, out var e1);
                return length is not null && Points(length) is { } push && push <= -FarOff
                    ? ToScopeEnd(HiddenTextKind.LatexZeroSizeBox, text, e1, depths) with { How = $"\\hspace{{{length}}}" }
                    : default;
            }

            case "hskip" or "kern":
                return Points(m.Groups["skip"].Value) is { } skip && skip <= -FarOff
                    ? ToScopeEnd(HiddenTextKind.LatexZeroSizeBox, text, after, depths) with { How = m.Value }
                    : default;
            default:
            {
                var env = LatexEnvironments.Find(text[m.Index..], "tiny").FirstOrDefault();
                return new Region(HiddenTextKind.LatexTinyFont, m.Index + env.ContentStart, m.Index + env.ContentEnd, m.Index + env.End);
            }
        }
    }

    /// <summary>Text from <paramref name="start"/> to <paramref name="end"/> in <paramref name="paint"/>: hidden when its colour is what is behind it, else read again in that colour.</summary>
    private static Region Coloured(Paint paint, int start, int end, int removeEnd, string how)
    {
        if (!paint.Text.LooksLike(paint.Background))
        {
            return new Region(null, start, end, removeEnd, paint);
        }

        var kind = paint.Text.IsWhite && paint.Background.IsWhite && !paint.Boxed ? HiddenTextKind.LatexColorWhite : HiddenTextKind.LatexTextLikeBackground;
        return new Region(kind, start, end, removeEnd, How: how);
    }

    /// <summary>Where a <c>\color</c> declaration stops: the end of its group, the next <c>\color</c> at its level, or at top level the paragraph's end.</summary>
    private static int DeclarationEnd(string text, int start)
    {
        var depth = 0;
        for (var k = start; k < text.Length; k++)
        {
            var c = text[k];
            if ((c == '{' || c == '}') && !LatexScanner.IsEscaped(text, k))
            {
                depth += c == '{' ? 1 : -1;
                if (depth < 0)
                {
                    return k;
                }
            }
            else if (depth == 0 && c == '\\' && string.CompareOrdinal(text, k, "\\color", 0, 6) == 0 && (k + 6 >= text.Length || !char.IsAsciiLetter(text[k + 6])))
            {
                return k;
            }
        }

        var m = ScopeBreak().Match(text, start);
        return m.Success ? m.Index : text.Length;
    }

    /// <summary>
    /// A declaration (<c>\tiny</c>, a push off the page) lasts to the end of its group, or at top level to the
    /// paragraph's end; at top level the group's end is not looked for, so many top-level declarations cost one pass.
    /// </summary>
    private static Region ToScopeEnd(HiddenTextKind kind, string text, int start, GroupDepth depths)
    {
        var end = depths.At(start) > 0 ? LatexScanner.EnclosingGroupEnd(text, start) : -1;
        if (end < 0)
        {
            var m = ScopeBreak().Match(text, start);
            end = m.Success ? m.Index : text.Length;
        }

        return new Region(kind, start, end, end);
    }

    /// <summary>The depth of braces at a position, counted forward from the last position asked (matches come in order).</summary>
    private sealed class GroupDepth(string text)
    {
        private int _position;
        private int _depth;

        public int At(int position)
        {
            if (position < _position)
            {
                (_position, _depth) = (0, 0);
            }

            for (; _position < position && _position < text.Length; _position++)
            {
                var c = text[_position];
                if ((c == '{' || c == '}') && !LatexScanner.IsEscaped(text, _position))
                {
                    _depth += c == '{' ? 1 : -1;
                }
            }

            return _depth;
        }
    }

    private void Report(HiddenTextKind kind, string raw, string? how)
    {
        var plain = LatexCleaner.ToPlain(raw);
        if (Word().IsMatch(plain))
        {
            var where = locate(raw);
            builder.AddHidden(kind, plain, how is null ? where : $"{where}, by {how}");
        }
    }

    private static bool IsZero(string length) => length.Trim() != "!" && Points(length) is { } pt && Math.Abs(pt) < 0.5;

    private static double? Number(string? s) =>
        double.TryParse(s?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>A TeX length in points (a factor of <c>\textwidth</c> and the like taken at a 400 pt line), or null.</summary>
    private static double? Points(string size)
    {
        var m = Length().Match(size.Trim());
        if (!m.Success)
        {
            return null;
        }

        var n = double.Parse(m.Groups["n"].ValueSpan, CultureInfo.InvariantCulture) * (m.Groups["sign"].Value == "-" ? -1 : 1);
        return m.Groups["unit"].Value switch
        {
            "" => n == 0 ? 0 : null,
            "pt" or "px" => n,
            "bp" => n * 1.00375,
            "mm" => n * 2.845,
            "cm" => n * 28.45,
            "in" => n * 72.27,
            "pc" => n * 12,
            "em" => n * 10,
            "ex" => n * 4.3,
            "sp" => n / 65536,
            _ => n * 400,
        };
    }

    [GeneratedRegex(@"\\(?<cmd>textcolor|color|colorbox|fcolorbox|phantom|hphantom|vphantom|tiny|fontsize|scalebox|resizebox|raisebox|hspace|hskip|kern)(?![A-Za-z])\*?(?:(?<=hskip|kern)(?<skip>\s*-\s*[\d.]+\s*(?:pt|bp|mm|cm|in|pc|em|ex)))?|\\begin\s*\{tiny\}", RegexOptions.CultureInvariant)]
    private static partial Regex Hiding();

    [GeneratedRegex(@"\n[ \t]*\n|\\par(?![A-Za-z])|\\end\s*\{|\\(?:color|normalsize|small|footnotesize|large|Large)(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex ScopeBreak();

    [GeneratedRegex(@"\p{L}{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"^(?<sign>[-+]?)\s*(?<n>\d+(?:\.\d+)?|\.\d+)\s*(?<unit>pt|bp|px|mm|cm|in|pc|em|ex|sp|\\(?:textwidth|linewidth|columnwidth|paperwidth|hsize|textheight|paperheight)|)$", RegexOptions.CultureInvariant)]
    private static partial Regex Length();
}
