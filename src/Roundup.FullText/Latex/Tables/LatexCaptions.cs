using System.Text.RegularExpressions;

namespace Roundup.FullText.Latex.Tables;

/// <summary>
/// The captions in a piece of source: <c>\caption</c> (numbered unless starred), <c>\subcaption</c> and the like
/// (lettered inside their float), and <c>\captionof{table}</c> (numbered as its type outside a float).
/// </summary>
internal static partial class LatexCaptions
{
    public static IEnumerable<LatexCaption> Find(string s)
    {
        var last = 0;
        foreach (Match m in Command().Matches(s))
        {
            if (m.Index < last)
            {
                continue;
            }

            var i = m.Index + m.Length;
            var type = "";
            if (m.Groups["of"].Success && LatexScanner.ReadGroup(s, i, out var typeEnd) is { } ofType)
            {
                type = ofType.Trim();
                i = typeEnd;
            }

            i = LatexScanner.ReadOptional(s, i, out var afterShort) is null ? i : afterShort;
            if (LatexScanner.ReadGroup(s, i, out var end) is not { } text)
            {
                continue;
            }

            var sub = m.Groups["sub"].Success;
            var numbered = !sub && !m.Groups["star"].Success;
            yield return new LatexCaption(m.Index, end, text, numbered, sub, type);
            last = end;
        }
    }

    [GeneratedRegex(@"\\(?:(?<sub>sub(?:caption|figure|table)?caption)|caption(?<of>of)?)(?<star>\*)?(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Command();
}

/// <param name="Start">Where the command starts.</param>
/// <param name="End">Just after its text.</param>
/// <param name="Source">The caption's LaTeX.</param>
/// <param name="Numbered">A <c>\caption</c> or <c>\captionof</c> that steps its float's counter.</param>
/// <param name="Sub">A sub-caption ("(a) …") inside a float.</param>
/// <param name="OfType">For <c>\captionof{type}</c>, the type; else empty.</param>
internal sealed record LatexCaption(int Start, int End, string Source, bool Numbered, bool Sub, string OfType);
