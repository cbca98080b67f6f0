using Roundup.Application.Distributing;
using Roundup.Arxiv.FullText;
using Roundup.FullText;
using Roundup.FullText.Facts;
using Roundup.FullText.Scoring;
using Roundup.Papers;

namespace Roundup.Application.Reading;

/// <summary>
/// The full texts of one run: fetched into the folder when missing (unless offline), each read once, whichever stage
/// or writer asks first — so a pick's PDF read at the skim stage is not parsed again to write its entry. With workers
/// (<paramref name="work"/>), the workers fetch and read them, a batch at a time (<see cref="PrepareAsync"/>), and
/// this run keeps the evidence they stored.
/// </summary>
public sealed class PaperFullText(FullTextFolder folder, FullTextFetcher fetcher, IWorkDispatcher? work = null)
{
    private readonly Dictionary<ArxivId, FullTextOutcome> _fromWorkers = [];

    public FullTextFolder Folder { get; } = folder;

    public FullTextFetcher Fetcher { get; } = fetcher;

    /// <summary>True when workers read the full texts.</summary>
    public bool OnWorkers => work is not null;

    /// <summary>Has the workers read every paper of <paramref name="papers"/> not read yet, together; nothing without workers.</summary>
    public async Task PrepareAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken)
    {
        if (work is null)
        {
            return;
        }

        var missing = papers.Where(p => !_fromWorkers.ContainsKey(p.Id)).DistinctBy(p => p.Id).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var outcomes = await work.ReadFullTextsAsync(missing, cancellationToken);
        for (var i = 0; i < missing.Count; i++)
        {
            _fromWorkers[missing[i].Id] = outcomes[i];
        }
    }

    /// <summary>Fetches the paper's full text when the folder lacks it; unreadable text throws <see cref="FullTextException"/>.</summary>
    public async Task<PaperEvidence?> LoadAsync(Paper paper, CancellationToken cancellationToken)
    {
        await FetchAsync(paper, cancellationToken);
        return Load(paper, cancellationToken);
    }

    /// <summary>The evidence of a paper already fetched (or read by the workers); unreadable text throws <see cref="FullTextException"/>.</summary>
    public PaperEvidence? Load(Paper paper, CancellationToken cancellationToken)
    {
        if (work is null)
        {
            return Folder.Load(paper, cancellationToken);
        }

        return _fromWorkers.TryGetValue(paper.Id, out var outcome)
            ? outcome.EvidenceOrThrow()
            : throw new InvalidOperationException($"{paper.Id}: its full text was not read by the workers before it was asked for");
    }

    public async Task FetchAsync(Paper paper, CancellationToken cancellationToken)
    {
        if (work is not null)
        {
            await PrepareAsync([paper], cancellationToken);
            return;
        }

        await Fetcher.FetchAsync(paper.Id, paper.Version, cancellationToken);
    }

    /// <summary>The digest of the evidence an LLM reads at the skim and read stages, or null without a readable text.</summary>
    public async Task<string?> DigestAsync(Paper paper, CancellationToken cancellationToken)
    {
        await FetchAsync(paper, cancellationToken);
        try
        {
            return Load(paper, cancellationToken) is { } evidence ? EvidenceDigest.For(evidence) : null;
        }
        catch (FullTextException)
        {
            return null;
        }
    }
}
