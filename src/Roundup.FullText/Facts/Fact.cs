namespace Roundup.FullText.Facts;

/// <summary>A fact with what was found (<paramref name="Value"/>), the sentence it stands in, and its section.</summary>
/// <remarks>
/// A fact read from a table has <see cref="Table"/> set to the table's name ("Table 2"), its <c>Section</c> the same,
/// and its <c>Sentence</c> quoting the cells it came from rather than a sentence of the paper: writers that quote a
/// fact's sentence as prose must leave such facts out.
/// </remarks>
public sealed record Fact(FactKind Kind, string Value, string Sentence, string Section)
{
    /// <summary>The table the fact was read from (its <see cref="EvidenceTable.Name"/>), or null for a sentence's fact.</summary>
    public string? Table { get; init; }

    public bool FromTable => Table is not null;

    /// <summary>Whether <c>Sentence</c> is the paper's own words: not cells quoted from a table, nor a doubt's note of what was looked for.</summary>
    public bool QuotesPaper => !FromTable && !Doubts.DoubtFinder.StatesAbsence(this);
}
