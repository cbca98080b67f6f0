using System.Text;

namespace Roundup.Papers;

/// <summary>Cleans text fields as sources hand them over: whitespace runs (line breaks in titles) become one space.</summary>
public static class PaperText
{
    public static string Collapse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Null for null, empty or whitespace, else the collapsed text.</summary>
    public static string? CollapseOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : Collapse(text);
}
