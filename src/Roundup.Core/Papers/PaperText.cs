namespace Roundup.Papers;

/// <summary>Cleans text fields as sources hand them over: whitespace runs (line breaks in titles) become one space.</summary>
public static class PaperText
{
    public static string Collapse(string? text) =>
        string.IsNullOrEmpty(text) ? "" : IsCollapsed(text) ? text : Collapse(text.AsSpan());

    /// <summary>The collapsed text of a span: trimmed, each whitespace run one space.</summary>
    public static string Collapse(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            return "";
        }

        var buffer = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                buffer[length++] = ' ';
                space = false;
            }

            buffer[length++] = c;
        }

        return new string(buffer[..length]);
    }

    /// <summary>Null for null, empty or whitespace, else the collapsed text.</summary>
    public static string? CollapseOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : Collapse(text);

    // Already clean: no whitespace at either end, and none but single spaces inside.
    private static bool IsCollapsed(string text)
    {
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }
}
