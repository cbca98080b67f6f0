using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Roundup.FullText.Html;

/// <summary>
/// Parses HTML within <see cref="FullTextLimits.MaxHtmlDepth"/>, <see cref="FullTextLimits.MaxHtmlElements"/> and the
/// time budget. The parser's cost grows with the depth of open elements (each start tag looks down the stack of
/// open elements), so 10^5 nested <c>div</c>s took 24 s: the depth is measured as the tree is built, from the
/// element created just before each new one, and the parse stops at the first element past the limit.
/// </summary>
internal static class HtmlTree
{
    public static IDocument Parse(string html, ReadBudget budget)
    {
        var limits = budget.Limits;
        var depths = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        IElement? previous = null;
        var created = 0;
        var options = new HtmlParserOptions
        {
            // The tree keeps its real shape: depth is refused below rather than flattened by the parser.
            MaximumDepth = int.MaxValue,
            OnCreated = (element, _) =>
            {
                if (++created > limits.MaxHtmlElements)
                {
                    throw budget.Refuse($"the HTML has more than {limits.MaxHtmlElements:N0} elements (FullTextLimits.MaxHtmlElements)");
                }

                if ((created & 1023) == 0)
                {
                    budget.Check();
                }

                if (previous is not null && DepthOf(previous, depths) > limits.MaxHtmlDepth)
                {
                    throw TooDeep(budget);
                }

                previous = element;
            },
        };

        IDocument document;
        try
        {
            document = new HtmlParser(options).ParseDocument(html);
        }
        catch (FullTextException)
        {
            throw;
        }
        catch (Exception) when (budget.Refusal is not null)
        {
            budget.ThrowIfRefused();
            throw;
        }

        budget.ThrowIfRefused();
        return document;
    }

    public static FullTextException TooDeep(ReadBudget budget) =>
        budget.Refuse($"the HTML nests elements more than {budget.Limits.MaxHtmlDepth} deep (FullTextLimits.MaxHtmlDepth)");

    /// <summary>The element's depth, from the nearest ancestor already measured: a few steps, as elements arrive in document order.</summary>
    private static int DepthOf(IElement element, Dictionary<IElement, int> depths)
    {
        var steps = 0;
        var ancestor = element.ParentElement;
        while (ancestor is not null && !depths.ContainsKey(ancestor))
        {
            steps++;
            ancestor = ancestor.ParentElement;
        }

        var depth = (ancestor is null ? 0 : depths[ancestor]) + steps + 1;
        depths[element] = depth;
        return depth;
    }
}
