namespace Roundup.FullText.Facts.Doubts;

/// <summary>
/// One reason to doubt, before it becomes a <see cref="FactKind.Doubt"/> fact: <paramref name="Value"/> is the doubt in
/// a plain phrase, <paramref name="Evidence"/> the sentence or cells that show it (or, for an absence, what was looked
/// for and where), <paramref name="Section"/> where.
/// </summary>
internal sealed record Doubt(DoubtKind Kind, string Value, string Evidence, string Section)
{
    /// <summary>The table the evidence was read from, or null.</summary>
    public string? Table { get; init; }

    public Fact ToFact() => new(FactKind.Doubt, Value, Evidence, Section) { Table = Table };
}
