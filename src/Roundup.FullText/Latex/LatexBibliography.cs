using System.Text.RegularExpressions;

namespace Roundup.FullText.Latex;

/// <summary>The entries of a <c>thebibliography</c> environment, from the paper or its .bbl file.</summary>
internal static partial class LatexBibliography
{
    public static IEnumerable<string> Entries(string body)
    {
        var parts = BibItem().Split(body);
        foreach (var part in parts.Skip(1))
        {
            var i = LatexScanner.ReadOptional(part, 0, out var afterLabel) is null ? 0 : afterLabel;
            var key = LatexScanner.ReadGroup(part, i, out var afterKey);
            var text = part[(key is null ? i : afterKey)..].Replace("\\newblock", " ", StringComparison.Ordinal);
            yield return LatexCleaner.ToPlain(text);
        }
    }

    [GeneratedRegex(@"\\bibitem(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex BibItem();
}
