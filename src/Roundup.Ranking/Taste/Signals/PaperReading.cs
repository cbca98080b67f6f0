using Roundup.Papers;
using Roundup.Ranking.Taste.Authors;
using Roundup.Ranking.Taste.History;

namespace Roundup.Ranking.Taste.Signals;

/// <summary>Everything the signals read of one paper as of a day, looked up once: its authors' records, its code owners', its nearest past picks.</summary>
public sealed class PaperReading
{
    private const int NearestKept = 20;

    private PaperReading(Paper paper, IReadOnlyList<(string Name, double Record)> authors, (double Record, int Authors) team, (string? Owner, double Record) commentOwner, (string? Owner, double Record) anyOwner, IReadOnlyList<double> nearest, double textScore)
    {
        TextScore = textScore;
        Paper = paper;
        Authors = authors;
        Team = team;
        CommentOwner = commentOwner;
        AnyOwner = anyOwner;
        Nearest = nearest;
    }

    public Paper Paper { get; }

    /// <summary>Each author (as listed) and their decayed record per person sharing the name.</summary>
    public IReadOnlyList<(string Name, double Record)> Authors { get; }

    /// <summary>
    /// The earlier picks that had two or more of this paper's authors (decayed, each counted once), and how many of its
    /// authors were among them: a team's record, which a common name cannot fake.
    /// </summary>
    public (double Record, int Authors) Team { get; }

    /// <summary>The best-known owner of the code or page linked in the comment, and its record.</summary>
    public (string? Owner, double Record) CommentOwner { get; }

    /// <summary>The same over the comment and the abstract.</summary>
    public (string? Owner, double Record) AnyOwner { get; }

    /// <summary>The model's learned text score (0 when it has none).</summary>
    public double TextScore { get; }

    /// <summary>Cosine similarities of the title to the past picks' titles in the memory window, closest first.</summary>
    public IReadOnlyList<double> Nearest { get; }

    public static PaperReading Read(Paper paper, ReadOnlySpan<float> titleVector, DateOnly asOf, TasteHistory history, TasteSettings settings, double textScore = 0)
    {
        // The paper's own features never count for it, even one dated before its listing.
        var self = PaperFingerprint.Of(paper.Id);
        var authors = paper.Authors.Select(a => (a, history.AuthorRecord(a, asOf, settings.DecayDays, self))).ToList();
        (string?, double) Best(IEnumerable<string> owners) => owners
            .Select(o => ((string?)o, history.CodeOwners.Weight(o, asOf, settings.DecayDays, self)))
            .OrderByDescending(o => o.Item2).ThenBy(o => o.Item1, StringComparer.Ordinal)
            .FirstOrDefault();
        var commentOwners = CodeOwners.In(paper.Comment);
        return new PaperReading(
            paper,
            authors,
            TeamRecord(paper, asOf, history.Authors, settings.DecayDays, self),
            Best(commentOwners),
            Best(commentOwners.Concat(CodeOwners.In(paper.Abstract))),
            history.Titles.Nearest(titleVector, asOf, settings.MemoryDays, NearestKept, self),
            textScore);
    }

    public double MeanNearest(int k) => Nearest.Count == 0 ? 0 : Nearest.Take(k).Average();

    private static (double Record, int Authors) TeamRecord(Paper paper, DateOnly asOf, FeatureRecord authors, double decayDays, uint self)
    {
        var papers = new Dictionary<uint, (int Authors, DateOnly Day)>();
        var keys = paper.Authors.Select(AuthorName.Key).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var byKey = new List<HashSet<uint>>();
        foreach (var key in keys)
        {
            var mine = (authors.Find(key) ?? []).Where(f => f.Day < asOf && f.Paper != 0 && f.Paper != self).Select(f => (f.Paper, f.Day)).DistinctBy(f => f.Paper).ToList();
            byKey.Add([.. mine.Select(f => f.Paper)]);
            foreach (var (fingerprint, day) in mine)
            {
                papers[fingerprint] = (papers.GetValueOrDefault(fingerprint).Authors + 1, day);
            }
        }

        var shared = papers.Where(p => p.Value.Authors >= 2).ToDictionary(p => p.Key, p => p.Value.Day);
        var record = shared.Values.Sum(day => authors.Decay(day, asOf, decayDays));
        return (record, byKey.Count(set => set.Overlaps(shared.Keys)));
    }
}
