using Roundup.Issues;

namespace Roundup.Writing.Grounding;

/// <summary>
/// The outcome of a grounding check: the text with every sentence that made an unsupported claim removed, how many
/// claims were checked and found, and the unsupported ones with their sentences (the curator's flags).
/// </summary>
public sealed record GroundingResult(EntryText Kept, int Found, int Checked, IReadOnlyList<Claim> Unsupported)
{
    public bool AllFound => Found == Checked;

    /// <summary>The share of checked claims that were not found; 0 when nothing was checkable.</summary>
    public double UnsupportedShare => Checked == 0 ? 0 : (double)(Checked - Found) / Checked;

    public IEnumerable<Claim> In(EntryPart part) => Unsupported.Where(c => c.Part == part);

    /// <summary>The kept figures the paper's prose does not have but a table cell does, with the cell's place.</summary>
    public IReadOnlyList<TableClaim> FromTables { get; init; } = [];

    public IReadOnlyList<string> Flags() => [.. Unsupported.Select(c => c.Flag()), .. FromTables.Select(t => t.Note())];
}

/// <summary>A figure of the entry found in a table cell (and not in the prose), and where.</summary>
public sealed record TableClaim(Claim Claim, string Place)
{
    public string Note() => $"grounding: \u201c{Claim.Text}\u201d in the {Claim.Part.Name()} is from {Place}";
}
