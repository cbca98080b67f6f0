using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Roundup.FullText.Html.Tables;

/// <summary>
/// A table's label and caption: its own <c>&lt;caption&gt;</c>, else the caption of the figure around it. LaTeXML tags
/// a caption "Table 3: "; a sub-table's "(a) " tag sends the search on to the enclosing figure, whose caption comes
/// first and whose number is the label.
/// </summary>
internal static partial class HtmlTableCaption
{
    public static (string Label, string Caption) Of(IHtmlTableElement table)
    {
        if (table.Caption is { } own && Split(HtmlText.Of(own)) is var (ownLabel, ownText) && (ownLabel.Length > 0 || ownText.Length > 0))
        {
            return (ownLabel, ownText);
        }

        var sub = "";
        for (var figure = table.Closest("figure"); figure is not null; figure = figure.ParentElement?.Closest("figure"))
        {
            if (figure.Children.FirstOrDefault(c => c.LocalName == "figcaption" || c.ClassList.Contains("ltx_caption")) is not { } caption)
            {
                continue;
            }

            var (label, text) = Split(HtmlText.Of(caption));
            if (label.Length == 0 && SubTag().Match(HtmlText.Of(caption)) is { Success: true } letter && sub.Length == 0)
            {
                sub = HtmlText.Of(caption);
                continue;
            }

            return (label, sub.Length > 0 ? $"{text} {sub}".Trim() : text);
        }

        return ("", sub);
    }

    /// <summary>"Table 3: Results on X" → ("Table 3", "Results on X").</summary>
    private static (string Label, string Text) Split(string caption)
    {
        var m = Tag().Match(caption);
        return m.Success ? ($"{m.Groups["kind"].Value} {m.Groups["n"].Value}", caption[m.Length..].Trim()) : ("", caption);
    }

    [GeneratedRegex(@"^(?<kind>Table|Figure)\s+(?<n>[A-Z]?\d+(?:\.\d+)?[a-z]?)\s*[:.|]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"^\(\s*[a-z]\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex SubTag();
}
