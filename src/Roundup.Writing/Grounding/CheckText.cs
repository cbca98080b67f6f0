using System.Text;

namespace Roundup.Writing.Grounding;

/// <summary>
/// Puts text in the form claims are read from, for the entry and the paper alike: LaTeX's <c>\%</c>, <c>\times</c>,
/// <c>{,}</c> and math dollars become plain characters, the Unicode minus a hyphen, and non-breaking and thin spaces
/// a space, so "45.1\%" and "45.1 %" read as the same figure.
/// </summary>
internal static class CheckText
{
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text)
            .Replace("\\%", "%")
            .Replace("\\times", "×")
            .Replace("\\pm", "±")
            .Replace("{,}", ",")
            .Replace("$", "")
            .Replace('~', ' ')
            .Replace('\u2212', '-');
        for (var i = 0; i < builder.Length; i++)
        {
            if (builder[i] is '\u00A0' or '\u2007' or '\u2009' or '\u202F')
            {
                builder[i] = ' ';
            }
        }

        return builder.ToString();
    }
}
