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
    public static void Inline(IDocument document, ReadBudget budget)
    {
        var parser = new CssParser();
        foreach (var block in document.QuerySelectorAll("style").ToList())
        {
            budget.Check();
            var sheet = parser.ParseStyleSheet(block.TextContent);
            foreach (var rule in sheet.Rules.OfType<ICssStyleRule>())
            {
                budget.Check();
                var declarations = rule.Style.CssText;
                var selector = rule.SelectorText;
                if (string.IsNullOrWhiteSpace(declarations) || string.IsNullOrWhiteSpace(selector))
                {
                    continue;   // a rule whose selector did not parse has none (fuzzing found QuerySelectorAll(null))
                }

                IEnumerable<IElement> selected;
                try
                {
                    selected = document.QuerySelectorAll(selector).ToList();
                }
                catch (Exception e) when (e is DomException or ArgumentException or FormatException or InvalidOperationException or NotSupportedException)
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
