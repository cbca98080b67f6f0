using System.Text.RegularExpressions;

namespace Roundup.FullText.Tests;

/// <summary>
/// The share of a reference parse's headings found among ours in the same order (longest common subsequence),
/// comparing letters only, without numbering, and letting one heading contain the other (cut or wrapped headings).
/// </summary>
internal static partial class HeadingAgreement
{
    public static double Compute(IReadOnlyList<string> reference, IReadOnlyList<string> extracted)
    {
        if (reference.Count == 0)
        {
            return 1;
        }

        var a = reference.Select(Key).ToList();
        var b = extracted.Select(Key).ToList();
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                lcs[i, j] = Same(a[i - 1], b[j - 1]) ? lcs[i - 1, j - 1] + 1 : Math.Max(lcs[i - 1, j], lcs[i, j - 1]);
            }
        }

        return (double)lcs[a.Count, b.Count] / a.Count;
    }

    public static string Key(string heading) =>
        Spaces().Replace(NotLetters().Replace(Numbering().Replace(heading.Trim(), ""), " ").ToLowerInvariant(), " ").Trim();

    private static bool Same(string x, string y) =>
        x.Length > 0 && y.Length > 0 && (x == y || (Math.Min(x.Length, y.Length) >= 5 && (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal))));

    [GeneratedRegex(@"^(?:\d+(?:\.\d+)*|[A-Z](?:\.\d+)*|[IVX]+)\.?\s+")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"[^\p{L}]+")]
    private static partial Regex NotLetters();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
