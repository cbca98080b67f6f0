namespace Roundup.FullText;

/// <summary>
/// A paper's full text as structured evidence, the same whichever format it was read from. Hidden text is never in
/// the title, abstract, sections, captions, tables or references: it is only in <see cref="HiddenText"/>.
/// </summary>
public sealed record PaperEvidence
{
    public required EvidenceFormat Format { get; init; }

    /// <summary>The file the evidence was read from.</summary>
    public required string Source { get; init; }

    public string Title { get; init; } = "";

    public string Abstract { get; init; } = "";

    public IReadOnlyList<EvidenceSection> Sections { get; init; } = [];

    public IReadOnlyList<string> Captions { get; init; } = [];

    public IReadOnlyList<EvidenceTable> Tables { get; init; } = [];

    public IReadOnlyList<string> References { get; init; } = [];

    public IReadOnlyList<HiddenTextFinding> HiddenText { get; init; } = [];

    /// <summary>What was skipped or guessed while reading (pages over the limit, missing include files, …).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool HasHiddenText => HiddenText.Count > 0;
}
