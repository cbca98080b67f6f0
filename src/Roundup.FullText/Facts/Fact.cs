namespace Roundup.FullText.Facts;

/// <summary>A fact with what was found (<paramref name="Value"/>), the sentence it stands in, and its section.</summary>
public sealed record Fact(FactKind Kind, string Value, string Sentence, string Section);
