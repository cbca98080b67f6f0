using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Selection;

namespace Roundup.Llm.Scoring;

/// <summary>
/// The LLM reading the full text for the skim and read stages: each paper goes to the model with a digest of its
/// extracted evidence (hidden text already removed) in place of the abstract. Papers without a full text are left
/// to the other scorers.
/// </summary>
public sealed class EvidenceChatScorer(ChatPaperScorer inner, Func<Paper, CancellationToken, Task<string?>> digest) : IMeteredScorer
{
    public string Id => inner.Id;

    public Evidence Reads => inner.Reads;

    public ScorerUsage TakeUsage() => inner.TakeUsage();

    public async Task<IReadOnlyList<ScoreResult>> ScoreAsync(IReadOnlyList<Paper> batch, CuratorProfile profile, CancellationToken cancellationToken = default)
    {
        var results = new List<ScoreResult>(batch.Count);
        var withText = new List<Paper>(batch.Count);
        foreach (var paper in batch)
        {
            if (await digest(paper, cancellationToken) is { Length: > 0 } text)
            {
                withText.Add(paper with { Abstract = text });
            }
            else
            {
                results.Add(ScoreResult.Failed(paper.Id, "no full text: judged from the abstract"));
            }
        }

        if (withText.Count > 0)
        {
            results.AddRange(await inner.ScoreAsync(withText, profile, cancellationToken));
        }

        return results;
    }
}
