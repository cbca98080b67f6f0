using System.Globalization;
using System.Text;

namespace Roundup.Llm;

/// <summary>
/// Makes text from outside (a model's answer, an endpoint's error) safe to store and show: one line, runs of
/// whitespace and control characters as one space, no invisible format characters. Whole: callers that need a bound cut it.
/// </summary>
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
