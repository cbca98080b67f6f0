using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Roundup.FullText.Html.Tables;

/// <summary>Whether a cell is set in bold: itself, or elements inside it holding most of its letters and digits.</summary>
internal static partial class HtmlBold
{
    public static bool Covers(IElement cell, string text)
    {
        if (IsBold(cell))
        {
            return true;
        }

        var total = text.Count(char.IsLetterOrDigit);
        var bold = cell.QuerySelectorAll("*").Where(e => IsBold(e) && !HasBoldAncestorWithin(e, cell)).Sum(e => HtmlText.Of(e).Count(char.IsLetterOrDigit));
        return total > 0 && bold * 2 >= total;
    }

    private static bool HasBoldAncestorWithin(IElement element, IElement cell)
    {
        for (var e = element.ParentElement; e is not null && e != cell; e = e.ParentElement)
        {
            if (IsBold(e))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBold(IElement e) =>
        e.LocalName is "b" or "strong"
        || e.ClassList.Contains("ltx_font_bold")
        || (e.GetAttribute("style") is { } style && BoldWeight().IsMatch(style));

    [GeneratedRegex(@"font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoldWeight();
}
