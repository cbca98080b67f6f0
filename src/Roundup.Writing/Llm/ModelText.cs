using System.Globalization;
using System.Text;

namespace Roundup.Writing.Llm;

/// <summary>Makes a model's text safe to store and show: one line, no control characters, no invisible format characters.</summary>
public static class ModelText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            // Bidi overrides and zero-width characters can make text display as something it is not.
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                space = builder.Length > 0;
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
}
