using Roundup.Papers;
using Roundup.Selection;

namespace Roundup.Core.Tests.Selection;

public sealed class DiversityTests
{
    [Fact]
    public void Near_duplicates_are_not_both_picked_and_one_topic_does_not_take_the_issue()
    {
        Paper[] papers = [Sample.Paper(1), Sample.Paper(2), Sample.Paper(3), Sample.Paper(4)];
        var vectors = new Dictionary<ArxivId, float[]>
        {
            [papers[0].Id] = [1, 0, 0],
            [papers[1].Id] = [1, 0, 0],                // the same paper twice, in effect
            [papers[2].Id] = [0.8f, 0.6f, 0],          // same topic as 1
            [papers[3].Id] = [0, 0, 1],                // another topic
        };
        var judgements = Diversity.Pick([(papers[0], 0.9), (papers[1], 0.89), (papers[2], 0.8), (papers[3], 0.6)], vectors, new PicksOptions { Count = 2, Relevance = 0.5 }, new Dictionary<ArxivId, DecisionKind>());

        Assert.Equal(["2506.00001", "2506.00004"], judgements.Where(j => j.Advanced).Select(j => j.Paper.ToString()));
        Assert.Contains(judgements, j => j.Paper == papers[1].Id && j.Decision.StartsWith("stopped: a near-duplicate of the pick 2506.00001", StringComparison.Ordinal));
        Assert.Contains("closest pick 2506.00001", judgements[1].Decision, StringComparison.Ordinal);
        Assert.Equal("stopped: the issue is full (2 picks)", judgements.Single(j => j.Paper == papers[2].Id).Decision);
    }
}
