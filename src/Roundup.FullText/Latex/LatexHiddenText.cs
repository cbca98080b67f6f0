using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Roundup.FullText.Latex;

/// <summary>
/// Removes text a reader of the PDF would not see: white colour, phantoms, tiny fonts, near-zero scaling. Every
/// such region is removed; the ones holding words are reported.
/// </summary>
internal sealed partial class LatexHiddenText(LatexColors colors, EvidenceBuilder builder, Func<string, string> locate)
{
    public string RemoveAndReport(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (true)
        {
            var m = Hiding().Match(text, i);
            if (!m.Success)
            {
                break;
            }

            var (kind, regionStart, regionEnd, removeEnd) = Region(text, m);
            if (kind is null || removeEnd <= m.Index)
            {
                sb.Append(text, i, m.Index + m.Length - i);
                i = m.Index + m.Length;
                continue;
            }

            Report(kind.Value, text[regionStart..regionEnd]);
            sb.Append(text, i, m.Index - i);
            i = removeEnd;
        }

        sb.Append(text, i, text.Length - i);
        return sb.ToString();
    }

    private (HiddenTextKind? Kind, int Start, int End, int RemoveEnd) Region(string text, Match m)
    {
        var after = m.Index + m.Length;
        switch (m.Groups["cmd"].Value)
        {
            case "textcolor":
            {
                var model = LatexScanner.ReadOptional(text, after, out var e0);
                var spec = LatexScanner.ReadGroup(text, model is null ? after : e0, out var e1);
                var contentStart = LatexScanner.SkipSpaces(text, e1) + 1;
                if (spec is null || !colors.IsWhite(model, spec) || LatexScanner.ReadGroup(text, e1, out var e2) is null)
                {
                    return default;
                }

                return (HiddenTextKind.LatexColorWhite, contentStart, e2 - 1, e2);
            }

            case "color":
            {
                var model = LatexScanner.ReadOptional(text, after, out var e0);
                var spec = LatexScanner.ReadGroup(text, model is null ? after : e0, out var e1);
                return spec is not null && colors.IsWhite(model, spec) ? ToScopeEnd(HiddenTextKind.LatexColorWhite, text, e1) : default;
            }

            case "phantom" or "hphantom" or "vphantom":
                return LatexScanner.ReadGroup(text, after, out var pe) is null ? default : ((HiddenTextKind?)HiddenTextKind.LatexPhantom, LatexScanner.SkipSpaces(text, after) + 1, pe - 1, pe);
            case "tiny":
                return ToScopeEnd(HiddenTextKind.LatexTinyFont, text, after);
            case "fontsize":
            {
                var size = LatexScanner.ReadGroup(text, after, out var e1);
                LatexScanner.ReadGroup(text, e1, out var e2);
                return size is not null && Points(size) is < 2 ? ToScopeEnd(HiddenTextKind.LatexTinyFont, text, e2) : default;
            }

            case "scalebox":
            {
                var factor = LatexScanner.ReadGroup(text, after, out var e1);
                var contentStart = LatexScanner.SkipSpaces(text, e1) + 1;
                return factor is not null && double.TryParse(factor.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f < 0.1
                    && LatexScanner.ReadGroup(text, e1, out var e2) is not null
                    ? ((HiddenTextKind?)HiddenTextKind.LatexTinyFont, contentStart, e2 - 1, e2)
                    : default;
            }

            default:
            {
                var env = LatexEnvironments.Find(text[m.Index..], "tiny").FirstOrDefault();
                return (HiddenTextKind.LatexTinyFont, m.Index + env.ContentStart, m.Index + env.ContentEnd, m.Index + env.End);
            }
        }
    }

    /// <summary>A declaration (<c>\color{white}</c>, <c>\tiny</c>) lasts to the end of its group, or at top level to the paragraph's end.</summary>
    private static (HiddenTextKind?, int, int, int) ToScopeEnd(HiddenTextKind kind, string text, int start)
    {
        var end = LatexScanner.EnclosingGroupEnd(text, start);
        if (end < 0)
        {
            var m = ScopeBreak().Match(text, start);
            end = m.Success ? m.Index : text.Length;
        }

        return (kind, start, end, end);
    }

    private void Report(HiddenTextKind kind, string raw)
    {
        var plain = LatexCleaner.ToPlain(raw);
        if (Word().IsMatch(plain))
        {
            builder.AddHidden(kind, plain, locate(raw));
        }
    }

    private static double? Points(string size)
    {
        var m = Length().Match(size.Trim());
        return m.Success ? double.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"\\(?<cmd>textcolor|color|phantom|hphantom|vphantom|tiny|fontsize|scalebox)(?![A-Za-z])|\\begin\s*\{tiny\}", RegexOptions.CultureInvariant)]
    private static partial Regex Hiding();

    [GeneratedRegex(@"\n[ \t]*\n|\\par(?![A-Za-z])|\\end\s*\{|\\(?:color|normalsize|small|footnotesize|large|Large)(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex ScopeBreak();

    [GeneratedRegex(@"\p{L}{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?|\.\d+)\s*(pt|bp|px)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Length();
}
