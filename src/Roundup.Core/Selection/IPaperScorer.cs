using Roundup.Papers;
using Roundup.Profiles;

namespace Roundup.Selection;

/// <summary>
/// Scores a batch of papers for a curator. Offline and LLM-backed implementations; the id (with a version) is stored
/// with every judgement, so a changed scorer recomputes and an unchanged one is reused.
/// </summary>
public interface IPaperScorer
{
    /// <summary>Stable id with a version, e.g. <c>rubric-v1</c>, <c>taste:3f9a…</c>, <c>llm:gpt-4o-mini:title-v1</c>.</summary>
    string Id { get; }

    Evidence Reads { get; }

    /// <summary>One result per paper of the batch, in any order; a paper missing from the answer counts as unscored.</summary>
    Task<IReadOnlyList<ScoreResult>> ScoreAsync(IReadOnlyList<Paper> batch, CuratorProfile profile, CancellationToken cancellationToken = default);
}
