using System.Text.RegularExpressions;
using Roundup.FullText;

namespace Roundup.Writing.Tests.Offline;

/// <summary>The numbers a text states, and the text of a paper a reader can see (abstract, sections, captions, tables).</summary>
internal static partial class PaperNumbers
{
    public static HashSet<string> In(string text) => Number().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    public static string VisibleText(PaperEvidence evidence, string abstractText) => string.Join("\n",
    [
        abstractText, evidence.Title, evidence.Abstract,
        .. evidence.Sections.SelectMany(s => s.Paragraphs.Prepend(s.Heading)),
        .. evidence.Captions, .. evidence.Tables.SelectMany(t => t.Rows).SelectMany(r => r),
    ]);

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex Number();
}
