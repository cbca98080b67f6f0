using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Roundup.Publishing.Tests;

/// <summary>Parses HTML as a browser would (AngleSharp), to check what is an element and what is text.</summary>
public static class HtmlDoc
{
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static string FragmentOf(Roundup.Issues.Issue issue) => Roundup.Publishing.Html.IssueHtml.Fragment(issue, SampleIssues.Site);

    /// <summary>Asserts that the hostile paper stayed text: no script or img element came from it, and its title reads back whole.</summary>
    public static void AssertHostileStaysText(IDocument doc, bool titleExpected = true)
    {
        Assert.DoesNotContain(doc.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
        Assert.Empty(doc.QuerySelectorAll("img"));
        Assert.Empty(doc.QuerySelectorAll("b"));
        Assert.DoesNotContain(doc.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        if (titleExpected)
        {
            Assert.Contains(doc.QuerySelectorAll("h3, li, a"), e => e.TextContent.Trim() == SampleIssues.HostileTitle);
        }
    }
}
