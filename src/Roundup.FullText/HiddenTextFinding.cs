namespace Roundup.FullText;

/// <summary>Text a reader cannot see but a model would read; it is kept out of the sections and reported here.</summary>
/// <param name="Kind">How it was hidden.</param>
/// <param name="Text">The hidden text, normalised and cut to <see cref="MaxTextLength"/> characters.</param>
/// <param name="Location">Where it was found: a page, a file and line, or an element.</param>
public sealed record HiddenTextFinding(HiddenTextKind Kind, string Text, string Location)
{
    public const int MaxTextLength = 300;

    public static HiddenTextFinding Create(HiddenTextKind kind, string rawText, string location)
    {
        var text = TextNormalizer.Normalize(rawText);
        return new HiddenTextFinding(kind, text.Length <= MaxTextLength ? text : text[..MaxTextLength], location);
    }
}
