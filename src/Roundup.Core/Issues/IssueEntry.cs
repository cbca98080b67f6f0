using Roundup.Papers;

namespace Roundup.Issues;

/// <summary>
/// One paper in the issue. <see cref="Text"/> is what the writer produced; <see cref="Edits"/> is what the curator
/// changed, and wins wherever it says something (<see cref="Shown"/>).
/// </summary>
public sealed record IssueEntry
{
    public required ArxivId Id { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<string> Authors { get; init; }

    public string? CodeUrl { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public required EntryText Text { get; init; }

    public EntryText? Edits { get; init; }

    /// <summary>Which writer produced <see cref="Text"/> ("offline", "llm:gpt-4o-mini", …) and why it fell back, if it did.</summary>
    public required string Writer { get; init; }

    /// <summary>True when the text was written by a machine without a curator's edit: shown as such to readers.</summary>
    public bool Automatic => Edits is null;

    /// <summary>Notes for the curator: claims the grounding check removed or could not find, fallbacks.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    public EntryUsage Usage { get; init; } = EntryUsage.None;

    public Uri AbsUrl => new($"https://arxiv.org/abs/{Id}");

    public Uri PdfUrl => new($"https://arxiv.org/pdf/{Id}");

    /// <summary>
    /// The anchor of the entry on archive pages and in links: from the canonical id (no version), so a link sent
    /// in an e-mail still lands when the issue is rewritten with a newer version of the paper.
    /// </summary>
    public string Anchor => "p-" + Id.Canonical.Replace('/', '-').Replace('.', '-');

    public EntryText Shown => Edits is null ? Text : new EntryText(
        Edits.Tldr.Length > 0 ? Edits.Tldr : Text.Tldr,
        Edits.Summary.Count > 0 ? Edits.Summary : Text.Summary,
        Edits.Commentary.Length > 0 ? Edits.Commentary : Text.Commentary);
}
