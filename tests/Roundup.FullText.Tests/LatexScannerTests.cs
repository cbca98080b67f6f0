using Roundup.FullText.Latex;

namespace Roundup.FullText.Tests;

public sealed class LatexScannerTests
{
    [Fact]
    public void Groups_found_through_the_brace_index_end_where_a_scan_ends_them()
    {
        // Long texts (over BraceIndex.MinLength) answer from the index; the same group in a short text is scanned.
        var random = new Random(12);
        char[] alphabet = ['{', '}', '\\', 'a', ' '];
        for (var round = 0; round < 20; round++)
        {
            var text = new string([.. Enumerable.Range(0, 6_000).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            for (var open = 0; open < text.Length; open++)
            {
                if (text[open] != '{' || LatexScanner.IsEscaped(text, open))
                {
                    continue;
                }

                Assert.Equal(Scan(text, open), LatexScanner.MatchClose(text, open, '{', '}'));
            }
        }
    }

    // The plain definition: depth counted from the open brace, escaped braces skipped.
    private static int Scan(string s, int open)
    {
        var depth = 0;
        for (var k = open; k < s.Length; k++)
        {
            if ((s[k] == '{' || s[k] == '}') && !LatexScanner.IsEscaped(s, k))
            {
                depth += s[k] == '{' ? 1 : -1;
                if (depth == 0)
                {
                    return k;
                }
            }
        }

        return -1;
    }
}
