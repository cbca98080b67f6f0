using System.Text.RegularExpressions;

namespace Roundup.Writing.Offline;

/// <summary>Simple cues for what an abstract sentence does: set the context, describe the method, or report a result.</summary>
public static partial class SentenceRoles
{
    public static bool IsMethod(string sentence) => Method().IsMatch(sentence);

    public static bool IsResult(string sentence) => Result().IsMatch(sentence);

    public static bool IsContext(string sentence) => !IsMethod(sentence) && !IsResult(sentence) && !We().IsMatch(sentence);

    [GeneratedRegex(@"\b(we|this (paper|work|study)|our (method|approach|model|framework|algorithm|technique|system))\s+(\w+\s+){0,2}(propose|present|introduce|develop|describe|design|formulate|build|train|use|leverage|employ|combine|extend|adapt|model|learn|derive|construct|frame|cast|apply)\w*|\b(consists? of|is based on|relies on|works by|by (using|learning|training|combining|leveraging))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Method();

    [GeneratedRegex(@"\b(we (show|demonstrate|find|observe|achieve|obtain|report)|(results|experiments|evaluations?) (show|demonstrate|indicate|suggest|confirm)|outperform\w*|state[- ]of[- ]the[- ]art|achiev\w*|improv\w*|\d+(\.\d+)?\s?%|\d+(\.\d+)?\s?(×|x)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Result();

    [GeneratedRegex(@"\b(we|our)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex We();
}
