using Roundup.FullText;

namespace Roundup.Application.Distributing;

/// <summary>
/// What reading one paper's full text gave: its evidence, no text at all (null evidence, no problem), or a text that
/// could not be read (the file and the problem, raised again as the <see cref="FullTextException"/> it was).
/// </summary>
public sealed record FullTextOutcome(PaperEvidence? Evidence, string? UnreadableFile = null, string? Problem = null)
{
    public bool Unreadable => Problem is not null;

    /// <summary>The evidence, or null without a text; throws the reading's <see cref="FullTextException"/> again.</summary>
    public PaperEvidence? EvidenceOrThrow() =>
        Problem is null ? Evidence : throw new FullTextException(UnreadableFile ?? "", Problem);
}
