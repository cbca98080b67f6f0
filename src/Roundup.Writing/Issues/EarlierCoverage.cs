using Roundup.Issues;
using Roundup.Selection;
using Roundup.Writing.Writers;

namespace Roundup.Writing.Issues;

/// <summary>Papers from earlier issues closest to a pick (title and TL;DR embeddings), for the commentary.</summary>
public sealed class EarlierCoverage
{
    /// <summary>Below this cosine similarity two papers are not said to be related (MiniLM: same sub-topic ≈ 0.55+).</summary>
    public const double MinSimilarity = 0.55;

    private readonly IEmbedder _embedder;
    private readonly List<(IssueEntry Entry, string Week)> _entries;
    private readonly float[][] _vectors;

    public EarlierCoverage(IEmbedder embedder, IEnumerable<Issue> earlier, CancellationToken cancellationToken = default)
    {
        _embedder = embedder;
        _entries = earlier.SelectMany(i => i.Entries.Select(e => (e, i.Week.ToString()))).ToList();
        _vectors = _entries.Count == 0 ? [] : embedder.Embed(_entries.Select(e => $"{e.Entry.Title}. {e.Entry.Shown.Tldr}").ToList(), cancellationToken);
    }

    public IReadOnlyList<RelatedPaper> For(Roundup.Papers.ArxivId paper, string title, string abstractText, int max = 2, CancellationToken cancellationToken = default)
    {
        if (_entries.Count == 0)
        {
            return [];
        }

        var v = _embedder.Embed([$"{title}. {abstractText}"], cancellationToken)[0];
        return _entries.Select((e, i) => (e, Similarity: TopicGroups.Dot(v, _vectors[i])))
            .Where(x => x.Similarity >= MinSimilarity && x.e.Entry.Id.Canonical != paper.Canonical)
            .OrderByDescending(x => x.Similarity)
            .Take(max)
            .Select(x => new RelatedPaper(x.e.Entry.Id, x.e.Entry.Title, x.e.Week, Math.Round(x.Similarity, 3)))
            .ToList();
    }
}
