namespace Roundup.Arxiv.OaiPmh;

/// <summary>
/// Where an OAI-PMH walk resumes: <c>set|token</c>, or <c>set|</c> for the start of a set. Sets never hold a '|';
/// tokens may (arXiv's look like <c>726959|1001</c>), so only the first one separates.
/// </summary>
public readonly record struct OaiPmhPosition(string Set, string? Token)
{
    public override string ToString() => $"{Set}|{Token}";

    public static OaiPmhPosition Parse(string text)
    {
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            throw new FormatException($"'{text}' is not an OAI-PMH position (expected set|token)");
        }

        var token = text[(bar + 1)..];
        return new OaiPmhPosition(text[..bar], token.Length == 0 ? null : token);
    }
}
