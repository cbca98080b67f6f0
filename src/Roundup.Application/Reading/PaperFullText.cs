using Roundup.Arxiv.FullText;
using Roundup.FullText;
using Roundup.FullText.Facts;
using Roundup.FullText.Scoring;
using Roundup.Papers;

namespace Roundup.Application.Reading;

/// <summary>
/// The full texts of one run: fetched into the folder when missing (unless offline), each read once, whichever stage
/// or writer asks first — so a pick's PDF read at the skim stage is not parsed again to write its entry.
/// </summary>
public sealed class PaperFullText(FullTextFolder folder, FullTextFetcher fetcher)
{
    public FullTextFolder Folder { get; } = folder;

    public FullTextFetcher Fetcher { get; } = fetcher;

    /// <summary>Fetches the paper's full text when the folder lacks it; unreadable text throws <see cref="FullTextException"/>.</summary>
    public async Task<PaperEvidence?> LoadAsync(Paper paper, CancellationToken cancellationToken)
    {
        await FetchAsync(paper, cancellationToken);
        return Folder.Load(paper, cancellationToken);
    }

    public async Task FetchAsync(Paper paper, CancellationToken cancellationToken) =>
        await Fetcher.FetchAsync(paper.Id, paper.Version, cancellationToken);

    /// <summary>The digest of the evidence an LLM reads at the skim and read stages, or null without a readable text.</summary>
    public async Task<string?> DigestAsync(Paper paper, CancellationToken cancellationToken)
    {
        await FetchAsync(paper, cancellationToken);
        try
        {
            return Folder.Load(paper, cancellationToken) is { } evidence ? EvidenceDigest.For(evidence) : null;
        }
        catch (FullTextException)
        {
            return null;
        }
    }
}
