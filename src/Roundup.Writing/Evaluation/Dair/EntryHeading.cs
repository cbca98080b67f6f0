using System.Text.RegularExpressions;

namespace Roundup.Writing.Evaluation.Dair;

/// <summary>
/// A DAIR entry opens with the paper's name before its summary, in one of three shapes: <c>**Name** - text</c>,
/// <c>Name - text</c>, or <c>Name  Text</c> (two spaces). The name is the paper's title or DAIR's short name for it
/// ("FRAMES", "rStar"), not a summary, so it is removed before scoring; an entry in none of these shapes is kept whole.
/// </summary>
public static partial class EntryHeading
{
    /// <summary>The longest heading taken for a name (in words); a longer run before a separator is summary text.</summary>
    public const int MaxWords = 20;

    /// <summary>A plain "Name - text" heading is shorter: a dash further in is usually the summary's own.</summary>
    public const int MaxDashWords = 8;

    public static (string? Heading, string Body) Split(string entryText)
    {
        var text = entryText.TrimStart();
        if (Bold().Match(text) is { Success: true } bold && Words(bold.Groups["name"].Value) <= MaxWords)
        {
            return (bold.Groups["name"].Value.Trim(), text[bold.Length..].Trim());
        }

        var spaced = TwoSpaces().Match(text);
        var dashed = Dash().Match(text);
        var candidates = new[]
        {
            spaced.Success && IsName(spaced.Groups["name"].Value, MaxWords) ? spaced : null,
            dashed.Success && IsName(dashed.Groups["name"].Value, MaxDashWords) ? dashed : null,
        };
        if (candidates.Where(m => m is not null).MinBy(m => m!.Groups["name"].Length) is { } heading)
        {
            return (heading.Groups["name"].Value.Trim(), text[heading.Length..].Trim());
        }

        return (null, text.Trim());
    }

    /// <summary>A name is short and holds no sentence end ("LLaMA 3.1" has a full stop, but not one before a space).</summary>
    private static bool IsName(string text, int maxWords) => Words(text) <= maxWords && !text.Contains(". ", StringComparison.Ordinal);

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"^\*\*(?<name>[^*\n]{1,200})\*\*[ \t]*[-–—:]?\s*")]
    private static partial Regex Bold();

    // A name may end in "?" ("Does RL Incentivize Reasoning in LLMs Beyond the Base Model?"), not in "." or "!".
    [GeneratedRegex(@"^(?<name>[^\n]*?[^\s.!])[ \t]{2,}(?=\S)")]
    private static partial Regex TwoSpaces();

    [GeneratedRegex(@"^(?<name>[^\n.!?]*?\S)[ \t]+[-–—][ \t]+(?=\S)")]
    private static partial Regex Dash();
}
