using System.Text.RegularExpressions;

namespace Roundup.FullText.Latex.Tables;

/// <summary>
/// One cell of a tabular: its plain text, how many columns it spans (<c>\multicolumn</c>), how many rows
/// (<c>\multirow</c>; negative when written in the last row it spans) and whether it is set in bold.
/// </summary>
internal sealed partial record LatexCell(string Text, int Span, int RowSpan, bool Bold)
{
    /// <summary>No cell spans more columns than this: a larger count is a typo or an attack on memory.</summary>
    public const int MaxSpan = 100;

    public static LatexCell Parse(string raw)
    {
        var s = raw.Trim();
        var span = 1;
        if (MultiColumn().Match(s) is { Success: true } column
            && LatexScanner.ReadGroup(s, column.Length, out var specEnd) is not null
            && LatexScanner.ReadGroup(s, specEnd, out var textEnd) is { } inner)
        {
            span = Math.Clamp(int.Parse(column.Groups["n"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture), 1, MaxSpan);
            s = inner + s[textEnd..];
        }

        var rowSpan = 1;
        if (MultiRow().Match(s) is { Success: true } row && MultiRowText(s, row.Index + row.Length) is var (text, end))
        {
            rowSpan = int.TryParse(row.Groups["n"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;
            s = s[..row.Index] + text + s[end..];
        }

        var plain = LatexCellText.Plain(s);
        return new LatexCell(plain, span, rowSpan, plain.Length > 0 && LatexCellText.IsBold(s, plain));
    }

    /// <summary><c>\multirow[pos]{n}[struts]{width}[fixup]{text}</c>: the text and where it ends (from just after <c>{n}</c>).</summary>
    private static (string Text, int End)? MultiRowText(string s, int i)
    {
        i = LatexScanner.ReadOptional(s, i, out var afterStruts) is null ? i : afterStruts;
        if (LatexScanner.ReadGroup(s, i, out var widthEnd) is null)
        {
            return null;
        }

        i = LatexScanner.ReadOptional(s, widthEnd, out var afterFixup) is null ? widthEnd : afterFixup;
        return LatexScanner.ReadGroup(s, i, out var end) is { } text ? (text, end) : null;
    }

    [GeneratedRegex(@"^\\multicolumn\s*\{\s*(?<n>\d{1,9})\s*\}", RegexOptions.CultureInvariant)]
    private static partial Regex MultiColumn();

    [GeneratedRegex(@"\\multirow\s*(?:\[[^\]]*\])?\s*\{\s*(?<n>-?\d{1,6})\s*\}", RegexOptions.CultureInvariant)]
    private static partial Regex MultiRow();
}
