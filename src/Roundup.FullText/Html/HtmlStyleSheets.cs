using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;

namespace Roundup.FullText.Html;

/// <summary>
/// Folds the page's own style sheets (<c>&lt;style&gt;</c> blocks) into the style attributes of the elements they
/// select, so the inline-style checks also see text hidden by a class (<c>.x { display: none }</c>). Inline
/// declarations come after the sheet's and so still win, as in a browser. External sheets are never fetched.
/// </summary>
internal static class HtmlStyleSheets
{
    public static void Inline(IDocument document)
    {
        var parser = new CssParser();
        foreach (var block in document.QuerySelectorAll("style").ToList())
        {
            var sheet = parser.ParseStyleSheet(block.TextContent);
            foreach (var rule in sheet.Rules.OfType<ICssStyleRule>())
            {
                var declarations = rule.Style.CssText;
                if (string.IsNullOrWhiteSpace(declarations))
                {
                    continue;
                }

                IEnumerable<IElement> selected;
                try
                {
                    selected = document.QuerySelectorAll(rule.SelectorText).ToList();
                }
                catch (DomException)
                {
                    continue;   // a selector AngleSharp cannot evaluate (e.g. a pseudo-element) selects nothing here
                }

                foreach (var element in selected)
                {
                    var inline = element.GetAttribute("style");
                    element.SetAttribute("style", string.IsNullOrWhiteSpace(inline) ? declarations : declarations + ";" + inline);
                }
            }

            block.Remove();
        }
    }
}
