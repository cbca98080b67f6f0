namespace Roundup.FullText.Tests;

internal static class EvidenceAssert
{
    /// <summary>The text appears in none of what a scorer or model reads.</summary>
    public static void NowhereVisible(PaperEvidence evidence, string text)
    {
        IEnumerable<string> visible =
        [
            evidence.Title, evidence.Abstract,
            .. evidence.Sections.Select(s => s.Heading), .. evidence.Sections.SelectMany(s => s.Paragraphs),
            .. evidence.Captions, .. evidence.References, .. evidence.Tables.SelectMany(t => t.Rows).SelectMany(r => r),
        ];
        Assert.DoesNotContain(visible, v => v.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    public static string AllText(PaperEvidence evidence) =>
        string.Join("\n", evidence.Sections.SelectMany(s => s.Paragraphs.Prepend(s.Heading)));
}
