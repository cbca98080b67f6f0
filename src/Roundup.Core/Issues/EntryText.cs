namespace Roundup.Issues;

/// <summary>The words about one paper: a one-line TL;DR, one to three summary paragraphs, and commentary.</summary>
public sealed record EntryText(string Tldr, IReadOnlyList<string> Summary, string Commentary)
{
    public static EntryText Empty { get; } = new("", [], "");
}
