using System.Text;
using AngleSharp.Dom;

namespace Roundup.FullText.Html;

/// <summary>The text of a node with spaces where blocks meet, which <c>TextContent</c> runs together.</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "figcaption", "table", "ul", "ol", "dd", "dt",
    };

    public static string Of(INode node)
    {
        var sb = new StringBuilder();
        Append(node, sb);
        return TextNormalizer.Normalize(sb.ToString());
    }

    private static void Append(INode node, StringBuilder sb)
    {
        if (node is IText text)
        {
            sb.Append(text.Data);
            return;
        }

        if (node is IElement element && (element.LocalName is "script" or "style" or "template"))
        {
            return;
        }

        var block = node is IElement e && (BlockTags.Contains(e.LocalName) || e.ClassList.Contains("ltx_bibblock") || e.ClassList.Contains("ltx_tag"));
        if (block)
        {
            sb.Append(' ');
        }

        foreach (var child in node.ChildNodes)
        {
            Append(child, sb);
        }

        if (block)
        {
            sb.Append(' ');
        }
    }
}
