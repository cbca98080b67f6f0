using Roundup.FullText;
using Roundup.FullText.Facts;
using Roundup.Papers;

namespace Roundup.Writing.Writers;

/// <summary>
/// What a writer may use about one pick: the paper's metadata and abstract, its full-text evidence when it was read
/// (hidden text already removed), the facts found in it, the reasons the funnel gave, and the titles of related papers
/// from earlier issues.
/// </summary>
public sealed record PaperToWrite
{
    public required Paper Paper { get; init; }

    public PaperEvidence? Evidence { get; init; }

    public IReadOnlyList<Fact> Facts { get; init; } = [];

    /// <summary>The funnel's reasons for picking it, in words.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>Papers covered in earlier issues that are close to this one (most similar first).</summary>
    public IReadOnlyList<RelatedPaper> Related { get; init; } = [];
}

/// <summary>A paper from an earlier issue, with the week it appeared in and its similarity (0–1).</summary>
public sealed record RelatedPaper(ArxivId Id, string Title, string Week, double Similarity);
