using Roundup.Papers;
using Roundup.Selection;

namespace Roundup.Core.Tests.Selection;

public sealed class CutTests
{
    private static Scored S(int n, double? score) => new(ArxivId.Parse($"2506.{n:D5}"), score, [], ["t"], score is null ? "no answer" : null);

    private static readonly Dictionary<ArxivId, DecisionKind> NoDecisions = [];

    [Fact]
    public void Keeps_the_best_within_the_budget_and_says_why_for_each()
    {
        var judgements = Cut.Decide("title", [S(1, 0.2), S(2, 0.9), S(3, 0.5), S(4, 0.7)], budget: 2, floor: 0, NoDecisions);
        Assert.Equal(["2506.00002", "2506.00004"], judgements.Where(j => j.Advanced).Select(j => j.Paper.ToString()));
        Assert.Equal([1, 2, 3, 4], judgements.Select(j => j.Rank));
        Assert.StartsWith("advanced: rank 1 of 4", judgements[0].Decision, StringComparison.Ordinal);
        Assert.Equal("stopped: rank 3 of 4 is beyond the budget of 2", judgements[2].Decision);
    }

    [Fact]
    public void Ties_are_broken_by_id_so_reruns_agree()
    {
        var a = Cut.Decide("t", [S(3, 0.5), S(1, 0.5), S(2, 0.5)], 2, 0, NoDecisions);
        var b = Cut.Decide("t", [S(2, 0.5), S(3, 0.5), S(1, 0.5)], 2, 0, NoDecisions);
        Assert.Equal(["2506.00001", "2506.00002"], a.Where(j => j.Advanced).Select(j => j.Paper.ToString()));
        Assert.Equal(a.Select(j => (j.Paper, j.Advanced)), b.Select(j => (j.Paper, j.Advanced)));
    }

    [Fact]
    public void The_floor_stops_papers_even_with_budget_left()
    {
        var judgements = Cut.Decide("t", [S(1, 0.9), S(2, 0.1)], 10, 0.3, NoDecisions);
        Assert.True(judgements[0].Advanced);
        Assert.Equal("stopped: score 0.100 is below the floor 0.300", judgements[1].Decision);
    }

    [Fact]
    public void Pins_always_advance_and_take_budget_drops_never_advance()
    {
        var decisions = new Dictionary<ArxivId, DecisionKind> { [ArxivId.Parse("2506.00001")] = DecisionKind.Pin, [ArxivId.Parse("2506.00002")] = DecisionKind.Drop };
        var judgements = Cut.Decide("t", [S(1, 0.01), S(2, 0.99), S(3, 0.8), S(4, 0.7)], budget: 2, floor: 0.5, decisions);
        Assert.Equal(["2506.00001", "2506.00003"], judgements.Where(j => j.Advanced).Select(j => j.Paper.ToString()).Order());
        Assert.Equal("advanced: pinned by the curator", judgements.Single(j => j.Paper.ToString() == "2506.00001").Decision);
        Assert.Equal("stopped: dropped by the curator", judgements.Single(j => j.Paper.ToString() == "2506.00002").Decision);
    }

    [Fact]
    public void Unscored_papers_stop_with_the_reason_and_rank_last()
    {
        var judgements = Cut.Decide("t", [S(1, null), S(2, 0.1)], 10, 0, NoDecisions);
        Assert.Equal("2506.00001", judgements[^1].Paper.ToString());
        Assert.Equal("stopped: unscored (no answer)", judgements[^1].Decision);
        Assert.True(judgements[0].Advanced);
    }

    [Theory]
    [InlineData(3030, 1000, null, 1000)]
    [InlineData(3030, null, 0.35, 1061)]
    [InlineData(100, 150, 0.35, 35)]
    [InlineData(10, 150, null, 10)]
    public void Budgets_take_the_smaller_of_count_and_share(int entering, int? keep, double? share, int expected) =>
        Assert.Equal(expected, new StageOptions { Name = "t", Keep = keep, KeepShare = share }.Budget(entering));
}
