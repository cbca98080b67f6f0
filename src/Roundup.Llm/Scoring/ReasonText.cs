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

        var text = ModelText.Clean(reason);
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = text[..(MaxLength - 1)];
        var lastSpace = cut.LastIndexOf(' ');
        return (lastSpace > MaxLength / 2 ? cut[..lastSpace] : cut).TrimEnd() + "…";
    }
}
