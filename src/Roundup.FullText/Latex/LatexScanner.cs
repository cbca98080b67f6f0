namespace Roundup.FullText.Latex;

/// <summary>Low-level reading of LaTeX source: comments, balanced groups, optional arguments, environments.</summary>
internal static class LatexScanner
{
    /// <summary>Removes <c>%</c> comments (an unescaped % to the end of the line), keeping the line breaks.</summary>
    public static string StripComments(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            for (var j = 0; j < line.Length; j++)
            {
                if (line[j] == '%' && !IsEscaped(line, j))
                {
                    lines[i] = line[..j];
                    break;
                }
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>True when the character at <paramref name="index"/> follows an odd number of backslashes.</summary>
    public static bool IsEscaped(string s, int index)
    {
        var slashes = 0;
        for (var k = index - 1; k >= 0 && s[k] == '\\'; k--)
        {
            slashes++;
        }

        return slashes % 2 == 1;
    }

    /// <summary>Reads a <c>{…}</c> group starting at or after whitespace from <paramref name="start"/>.</summary>
    /// <returns>The group's content, or null when there is no group or it is unbalanced; <paramref name="end"/> is just after it.</returns>
    public static string? ReadGroup(string s, int start, out int end)
    {
        var i = SkipSpaces(s, start);
        end = start;
        if (i >= s.Length || s[i] != '{')
        {
            return null;
        }

        var close = MatchClose(s, i, '{', '}');
        if (close < 0)
        {
            return null;
        }

        end = close + 1;
        return s[(i + 1)..close];
    }

    /// <summary>Reads a <c>[…]</c> optional argument (braces inside it may hold brackets), or null when there is none.</summary>
    public static string? ReadOptional(string s, int start, out int end)
    {
        var i = SkipSpaces(s, start);
        end = start;
        if (i >= s.Length || s[i] != '[')
        {
            return null;
        }

        var depth = 0;
        for (var k = i + 1; k < s.Length; k++)
        {
            var c = s[k];
            if (IsEscaped(s, k))
            {
                continue;
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth--;
            }
            else if (c == ']' && depth <= 0)
            {
                end = k + 1;
                return s[(i + 1)..k];
            }
        }

        return null;
    }

    /// <summary>Index of the bracket closing the one at <paramref name="open"/>, or -1.</summary>
    public static int MatchClose(string s, int open, char openChar, char closeChar)
    {
        if (openChar == '{' && closeChar == '}' && s.Length >= BraceIndex.MinLength && BraceIndex.Of(s).Close(open) is { } close)
        {
            return close;
        }

        var depth = 0;
        for (var k = open; k < s.Length; k++)
        {
            if (s[k] != openChar && s[k] != closeChar)
            {
                continue;
            }

            if (IsEscaped(s, k))
            {
                continue;
            }

            depth += s[k] == openChar ? 1 : -1;
            if (depth == 0)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Index of the unmatched <c>}</c> closing the group that encloses <paramref name="start"/>, or -1 at top level.</summary>
    public static int EnclosingGroupEnd(string s, int start)
    {
        var depth = 0;
        for (var k = start; k < s.Length; k++)
        {
            if ((s[k] != '{' && s[k] != '}') || IsEscaped(s, k))
            {
                continue;
            }

            depth += s[k] == '{' ? 1 : -1;
            if (depth < 0)
            {
                return k;
            }
        }

        return -1;
    }

    public static int SkipSpaces(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>The command name starting at <paramref name="i"/> (just after the backslash): letters, or one symbol.</summary>
    public static string CommandName(string s, int i)
    {
        if (i >= s.Length)
        {
            return "";
        }

        if (!char.IsAsciiLetter(s[i]))
        {
            return s[i].ToString();
        }

        var k = i;
        while (k < s.Length && (char.IsAsciiLetter(s[k]) || s[k] == '@'))
        {
            k++;
        }

        return s[i..k];
    }
}
