using System.Text;

namespace Roundup.Llm.Scoring;

/// <summary>Makes a model's reason safe to show and store: no control characters, one line, at most ~200 characters.</summary>
public static class ReasonText
{
    public const int MaxLength = 200;

    public static string Clean(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return "(no reason given)";
        }

        var builder = new StringBuilder(Math.Min(reason.Length, MaxLength + 1));
        var space = false;
        foreach (var c in reason.Trim())
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || IsInvisibleFormat(c))
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
            if (builder.Length > MaxLength)
            {
                break;
            }
        }

        if (builder.Length <= MaxLength)
        {
            return builder.ToString();
        }

        var cut = builder.ToString(0, MaxLength - 1);
        var lastSpace = cut.LastIndexOf(' ');
        return (lastSpace > MaxLength / 2 ? cut[..lastSpace] : cut).TrimEnd() + "…";
    }

    // Bidi overrides and zero-width characters can make a reason display as something it is not.
    private static bool IsInvisibleFormat(char c) =>
        char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;
}
