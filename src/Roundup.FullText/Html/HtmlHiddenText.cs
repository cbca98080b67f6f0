using AngleSharp.Dom;

namespace Roundup.FullText.Html;

/// <summary>Finds the outermost hidden elements, reports their text and removes them from the document.</summary>
internal static class HtmlHiddenText
{
    public static void RemoveAndReport(IDocument document, EvidenceBuilder builder)
    {
        var hidden = new List<(IElement Element, HiddenTextKind Kind)>();
        var flagged = new HashSet<IElement>();
        foreach (var element in document.All)
        {
            if (element.LocalName is "head" or "title" or "meta" or "link" || HasFlaggedAncestor(element, flagged))
            {
                continue;
            }

            if (HtmlHiddenStyle.Classify(element) is { } kind)
            {
                flagged.Add(element);
                hidden.Add((element, kind));
            }
        }

        foreach (var (element, kind) in hidden)
        {
            builder.AddHidden(kind, HtmlText.Of(element), Describe(element));
            element.Remove();
        }
    }

    private static bool HasFlaggedAncestor(IElement element, HashSet<IElement> flagged)
    {
        for (var e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            if (flagged.Contains(e))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(IElement element)
    {
        var id = element.Id is { Length: > 0 } i ? "#" + i : "";
        var section = element.Closest("section")?.Id is { Length: > 0 } s ? $" in section#{s}" : "";
        return $"<{element.LocalName}{id}>{section}";
    }
}
