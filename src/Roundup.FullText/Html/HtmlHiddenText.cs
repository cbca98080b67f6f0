using AngleSharp.Dom;

namespace Roundup.FullText.Html;

/// <summary>
/// Finds the outermost hidden elements, reports their text, how they were hidden and where, and removes them from the
/// document. The walk is iterative, passes down what each element inherits (colour, background, opacity), and
/// refuses a tree deeper than <see cref="FullTextLimits.MaxHtmlDepth"/>.
/// </summary>
internal static class HtmlHiddenText
{
    public static void RemoveAndReport(IDocument document, EvidenceBuilder builder, ReadBudget budget)
    {
        if (document.DocumentElement is not { } root)
        {
            return;
        }

        var hidden = new List<(IElement Element, HiddenTextKind Kind, string How)>();
        var stack = new Stack<(IElement Element, HtmlPaint Inherited, int Depth)>();
        stack.Push((root, HtmlPaint.Page, 1));
        var unseenText = new Dictionary<IElement, (HtmlUnseen Unseen, List<IElement> Holders)>(ReferenceEqualityComparer.Instance);
        var mixed = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        var visited = 0;
        while (stack.TryPop(out var item))
        {
            var (element, inherited, depth) = item;
            if ((++visited & 1023) == 0)
            {
                budget.Check();
            }

            if (depth > budget.Limits.MaxHtmlDepth)
            {
                throw HtmlTree.TooDeep(budget);
            }

            if (element.LocalName is "head" or "title" or "meta" or "link")
            {
                continue;
            }

            if (HtmlHiddenStyle.Classify(element, inherited, out var paint) is { } found)
            {
                hidden.Add((element, found.Kind, found.How));
                continue;
            }

            if (paint.Unseen is null && inherited.Unseen is { } cleared)
            {
                mixed.Add(cleared.Origin);
            }
            else if (paint.Unseen is { } unseen && HasOwnWords(element))
            {
                if (!unseenText.TryGetValue(unseen.Origin, out var holders))
                {
                    unseenText[unseen.Origin] = holders = (unseen, []);
                }

                holders.Holders.Add(element);
            }

            for (var child = element.LastElementChild; child is not null; child = child.PreviousElementSibling)
            {
                stack.Push((child, paint, depth + 1));
            }
        }

        // Text in a colour that cannot be seen: the whole region when nothing inside it is coloured again, else each element holding such text.
        foreach (var (origin, (unseen, holders)) in unseenText)
        {
            if (!mixed.Contains(origin))
            {
                hidden.Add((origin, unseen.Kind, unseen.How));
                continue;
            }

            foreach (var holder in holders)
            {
                hidden.Add((holder, unseen.Kind, holder == origin ? unseen.How : $"{unseen.How} of <{origin.LocalName}>"));
            }
        }

        foreach (var (element, kind, how) in hidden)
        {
            builder.AddHidden(kind, HtmlText.Of(element), Describe(element, how));
            element.Remove();
        }
    }

    private static bool HasOwnWords(IElement element)
    {
        for (var node = element.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is IText text && text.Data.Any(char.IsLetterOrDigit))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(IElement element, string how)
    {
        var id = element.Id is { Length: > 0 } i ? "#" + i : "";
        var section = element.Closest("section")?.Id is { Length: > 0 } s ? $" in section#{s}" : "";
        return $"<{element.LocalName}{id}>{section}, by {how}";
    }
}
