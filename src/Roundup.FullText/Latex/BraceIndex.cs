using System.Runtime.CompilerServices;

namespace Roundup.FullText.Latex;

/// <summary>
/// Every unescaped <c>{</c> of a text with the <c>}</c> that closes it, found in one pass. Finding a group's end by
/// scanning costs the rest of the text when the group is never closed, so a source with many unclosed groups
/// (200,000 <c>\phantom{</c>) made each lookup a scan to the end: quadratic. Built once per large text and kept
/// while the text lives.
/// </summary>
internal sealed class BraceIndex
{
    /// <summary>Texts shorter than this are scanned directly: the worst case is small, and most lookups are short.</summary>
    public const int MinLength = 4096;

    private static readonly ConditionalWeakTable<string, BraceIndex> Built = new();

    private readonly int[] _opens;
    private readonly int[] _closes;

    private BraceIndex(int[] opens, int[] closes)
    {
        _opens = opens;
        _closes = closes;
    }

    public static BraceIndex Of(string text) => Built.GetValue(text, Build);

    /// <summary>The index of the <c>}</c> closing the <c>{</c> at <paramref name="open"/>: -1 when it is never closed, null when no unescaped <c>{</c> is there.</summary>
    public int? Close(int open)
    {
        var at = Array.BinarySearch(_opens, open);
        return at < 0 ? null : _closes[at];
    }

    private static BraceIndex Build(string text)
    {
        var opens = new List<int>();
        var closes = new List<int>();
        var stack = new Stack<int>();
        for (var k = 0; k < text.Length; k++)
        {
            var c = text[k];
            if ((c != '{' && c != '}') || LatexScanner.IsEscaped(text, k))
            {
                continue;
            }

            if (c == '{')
            {
                stack.Push(opens.Count);
                opens.Add(k);
                closes.Add(-1);
            }
            else if (stack.Count > 0)
            {
                closes[stack.Pop()] = k;
            }
        }

        return new BraceIndex([.. opens], [.. closes]);
    }
}
