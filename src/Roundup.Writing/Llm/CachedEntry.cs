namespace Roundup.Writing.Llm;

/// <summary>A validated entry as cached: the paper's canonical id and the cleaned text.</summary>
public sealed record CachedEntry(string Id, string Tldr, IReadOnlyList<string> Summary, string Commentary)
{
    public bool IsValid() =>
        Id.Length > 0 && Tldr.Length > 0 && Commentary.Length > 0
        && Summary is { Count: >= 1 and <= WriteAnswerCheck.MaxSummaryParagraphs }
        && Summary.All(p => p is { Length: > 0 });
}
