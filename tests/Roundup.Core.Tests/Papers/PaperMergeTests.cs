using Roundup.Papers;

namespace Roundup.Core.Tests.Papers;

public sealed class PaperMergeTests
{
    private static Paper P(int version = 1, string[]? categories = null, DateOnly? announced = null, AnnounceType type = AnnounceType.Unknown) => new()
    {
        Id = ArxivId.Parse("2506.01234"),
        Version = version,
        Title = $"title v{version}",
        Categories = categories ?? ["cs.LG"],
        Announced = announced,
        AnnounceType = type,
    };

    [Fact]
    public void The_newer_version_wins_the_metadata()
    {
        var merged = PaperMerge.Merge(P(1), P(2));
        Assert.Equal(2, merged.Version);
        Assert.Equal("title v2", merged.Title);
        Assert.Equal("title v2", PaperMerge.Merge(P(2), P(1)).Title);
    }

    [Fact]
    public void Categories_are_unioned_with_the_primary_first()
    {
        Assert.Equal(["cs.LG", "cs.CV", "stat.ML"], PaperMerge.MergeCategories(["cs.LG", "cs.CV"], ["stat.ML", "cs.LG"]));
        Assert.Equal(["cs.CV"], PaperMerge.MergeCategories([], ["cs.CV"]));

        // The latest sighting names the primary; earlier extras are kept.
        Assert.Equal(["cs.CV", "cs.LG"], PaperMerge.Merge(P(categories: ["cs.LG"]), P(categories: ["cs.CV", "cs.LG"])).Categories);
        Assert.Equal(["cs.LG", "cs.AI"], PaperMerge.Merge(P(categories: ["cs.LG", "cs.AI"]), P(categories: [])).Categories);
    }

    [Fact]
    public void The_first_announcement_wins_and_new_beats_cross_on_the_same_day()
    {
        var monday = new DateOnly(2025, 6, 23);
        Assert.Equal(monday, PaperMerge.Merge(P(announced: monday.AddDays(7)), P(announced: monday)).Announced);
        Assert.Equal(monday, PaperMerge.Merge(P(announced: monday), P(announced: null)).Announced);
        Assert.Equal(AnnounceType.New, PaperMerge.Merge(P(announced: monday, type: AnnounceType.Cross), P(announced: monday, type: AnnounceType.New)).AnnounceType);
        Assert.Equal(AnnounceType.Cross, PaperMerge.Merge(P(announced: monday, type: AnnounceType.Cross), P(announced: monday.AddDays(1), type: AnnounceType.New)).AnnounceType);
    }

    [Fact]
    public void Merging_different_papers_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PaperMerge.Merge(P(), P() with { Id = ArxivId.Parse("2506.09999") }));
    }

    [Fact]
    public void Limits_name_the_field_that_is_absurd()
    {
        Assert.Null(PaperLimits.Check(P()));
        Assert.Contains("title", PaperLimits.Check(P() with { Title = new string('x', 50_000) }), StringComparison.Ordinal);
        Assert.Contains("title is empty", PaperLimits.Check(P() with { Title = " " }), StringComparison.Ordinal);
        Assert.Contains("abstract", PaperLimits.Check(P() with { Abstract = new string('x', 20_000) }), StringComparison.Ordinal);
        Assert.Contains("authors", PaperLimits.Check(P() with { Authors = Enumerable.Repeat("A", 6000).ToArray() }), StringComparison.Ordinal);
        Assert.Contains("comment", PaperLimits.Check(P() with { Comment = new string('x', 5000) }), StringComparison.Ordinal);
    }
}
