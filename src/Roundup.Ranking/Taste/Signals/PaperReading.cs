using Roundup.Papers;
using Roundup.Ranking.Taste.History;

namespace Roundup.Ranking.Taste.Signals;

/// <summary>Everything the signals read of one paper as of a day, looked up once: its authors' records, its code owners', its nearest past picks.</summary>
public sealed class PaperReading
{
    private const int NearestKept = 20;

    private PaperReading(Paper paper, IReadOnlyList<(string Name, double Record)> authors, (string? Owner, double Record) commentOwner, (string? Owner, double Record) anyOwner, IReadOnlyList<double> nearest)
    {
        Paper = paper;
        Authors = authors;
        CommentOwner = commentOwner;
        AnyOwner = anyOwner;
        Nearest = nearest;
    }

    public Paper Paper { get; }

    /// <summary>Each author (as listed) and their decayed record per person sharing the name.</summary>
    public IReadOnlyList<(string Name, double Record)> Authors { get; }

    /// <summary>The best-known owner of the code or page linked in the comment, and its record.</summary>
    public (string? Owner, double Record) CommentOwner { get; }

    /// <summary>The same over the comment and the abstract.</summary>
    public (string? Owner, double Record) AnyOwner { get; }

    /// <summary>Cosine similarities of the title to the past picks' titles in the memory window, closest first.</summary>
    public IReadOnlyList<double> Nearest { get; }

    public static PaperReading Read(Paper paper, ReadOnlySpan<float> titleVector, DateOnly asOf, TasteHistory history, TasteSettings settings)
    {
        var authors = paper.Authors.Select(a => (a, history.AuthorRecord(a, asOf, settings.DecayDays))).ToList();
        (string?, double) Best(IEnumerable<string> owners) => owners
            .Select(o => ((string?)o, history.CodeOwners.Weight(o, asOf, settings.DecayDays)))
            .OrderByDescending(o => o.Item2).ThenBy(o => o.Item1, StringComparer.Ordinal)
            .FirstOrDefault();
        var commentOwners = CodeOwners.In(paper.Comment);
        return new PaperReading(
            paper,
            authors,
            Best(commentOwners),
            Best(commentOwners.Concat(CodeOwners.In(paper.Abstract))),
            history.Titles.Nearest(titleVector, asOf, settings.MemoryDays, NearestKept));
    }

    public double MeanNearest(int k) => Nearest.Count == 0 ? 0 : Nearest.Take(k).Average();
}
