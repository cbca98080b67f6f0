using System.Text;
using AngleSharp.Dom;
using Roundup.FullText.Html.Tables;

namespace Roundup.FullText.Html;

/// <summary>
/// Reads arXiv's HTML (made from TeX by LaTeXML): <c>ltx_section</c>s with their titles and paragraphs, captions,
/// tables (<see cref="HtmlTables"/>) and the bibliography. Elements hidden by inline style are removed first and reported.
/// </summary>
public sealed class HtmlEvidenceReader(FullTextLimits? limits = null)
{
    private const string SectionSelector = "section.ltx_section, section.ltx_appendix, section.ltx_subsection, section.ltx_subsubsection";

    private readonly FullTextLimits _limits = limits ?? FullTextLimits.Default;

    public PaperEvidence Read(string path) => Read(FileInput.ReadAll(path, _limits), path);

    public PaperEvidence Read(byte[] bytes, string source, ReadBudget? budget = null)
    {
        budget ??= new ReadBudget(source, _limits);
        if (bytes.Length == 0)
        {
            throw new FullTextException(source, "the file is empty (0 bytes)");
        }

        return ReadHtml(Encoding.UTF8.GetString(bytes), source, budget);
    }

    /// <summary>Reads a page within the limits: nesting, elements and time are checked while parsing and in every walk.</summary>
    public PaperEvidence ReadHtml(string html, string source, ReadBudget? budget = null)
    {
        budget ??= new ReadBudget(source, _limits);
        if (html.Length > _limits.MaxFileBytes)
        {
            throw new FullTextException(source, $"the HTML is {html.Length:N0} characters, over the limit of {_limits.MaxFileBytes:N0}");
        }

        var document = HtmlTree.Parse(html, budget);
        var builder = new EvidenceBuilder(EvidenceFormat.Html, source);
        HtmlStyleSheets.Inline(document, budget);
        foreach (var junk in document.QuerySelectorAll("script, style, noscript, template").ToList())
        {
            junk.Remove();
        }

        HtmlHiddenText.RemoveAndReport(document, builder, budget);
        budget.Check();
        if (document.QuerySelector(".ltx_document, .ltx_page_main, " + SectionSelector) is null)
        {
            throw new FullTextException(source, $"the HTML page holds no LaTeXML paper (title '{Short(document.Title)}'); an error page or a page that is not a paper");
        }

        HtmlTables.Read(document, builder, budget);
        ReplaceMath(document);

        builder.Title = Text(document.QuerySelector(".ltx_title_document") ?? document.QuerySelector("h1"), dropNotes: true)
            ?? document.Title ?? "";
        ReadAbstract(document, builder);
        ReadFloats(document, builder, budget);
        ReadReferences(document, builder, budget);
        ReadSections(document, builder, budget);
        return builder.Build();
    }

    private static void ReadAbstract(IDocument document, EvidenceBuilder builder)
    {
        if (document.QuerySelector(".ltx_abstract") is not { } abstractElement)
        {
            return;
        }

        foreach (var heading in abstractElement.QuerySelectorAll(".ltx_title").ToList())
        {
            heading.Remove();
        }

        builder.Abstract = HtmlText.Of(abstractElement);
        abstractElement.Remove();
    }

    private static void ReadFloats(IDocument document, EvidenceBuilder builder, ReadBudget budget)
    {
        foreach (var caption in document.QuerySelectorAll("figcaption, .ltx_caption").Where(c => c.ParentElement?.Closest(".ltx_caption") is null))
        {
            budget.Check();
            builder.AddCaption(HtmlText.Of(caption));
        }

        foreach (var figure in document.QuerySelectorAll("figure, .ltx_figure, .ltx_table").ToList())
        {
            figure.Remove();
        }
    }

    private static void ReadReferences(IDocument document, EvidenceBuilder builder, ReadBudget budget)
    {
        foreach (var item in document.QuerySelectorAll(".ltx_bibliography .ltx_bibitem, .ltx_bibitem"))
        {
            budget.Check();
            builder.AddReference(HtmlText.Of(item));
        }

        foreach (var bibliography in document.QuerySelectorAll(".ltx_bibliography").ToList())
        {
            bibliography.Remove();
        }
    }

    private static void ReadSections(IDocument document, EvidenceBuilder builder, ReadBudget budget)
    {
        foreach (var section in document.QuerySelectorAll(SectionSelector))
        {
            budget.Check();
            var level = section.ClassList.Contains("ltx_subsubsection") ? 3 : section.ClassList.Contains("ltx_subsection") ? 2 : 1;
            var heading = section.Children.FirstOrDefault(c => c.ClassList.Contains("ltx_title"));
            builder.InAppendix |= section.ClassList.Contains("ltx_appendix");
            builder.StartSection(heading is null ? "" : HtmlText.Of(heading), level);
            foreach (var para in section.QuerySelectorAll(".ltx_para").Where(p => p.Closest("section") == section && p.ParentElement?.Closest(".ltx_para") is null))
            {
                budget.Check();
                builder.AddParagraph(HtmlText.Of(para));
            }
        }
    }

    private static void ReplaceMath(IDocument document)
    {
        foreach (var math in document.QuerySelectorAll("math").ToList())
        {
            var tex = math.GetAttribute("alttext");
            math.Replace(document.CreateTextNode(string.IsNullOrWhiteSpace(tex) ? math.TextContent : $"${tex}$"));
        }
    }

    private static string? Text(IElement? element, bool dropNotes)
    {
        if (element is null)
        {
            return null;
        }

        var copy = (IElement)element.Clone();
        if (dropNotes)
        {
            foreach (var note in copy.QuerySelectorAll(".ltx_note, .ltx_role_footnote, sup").ToList())
            {
                note.Remove();
            }
        }

        return HtmlText.Of(copy);
    }

    private static string Short(string? s) => s is null ? "" : s.Length <= 80 ? s : s[..77] + "...";
}
