using Roundup.Ranking.Baseline;

namespace Roundup.Ranking.Tests;

public sealed class TfIdfSvmRankerTests
{
    [Fact]
    public void Ranks_held_out_picks_above_the_rest()
    {
        var train = Synthetic.Examples(600, seed: 1);
        var test = Synthetic.Examples(300, seed: 2, firstId: 1000);

        var ranker = TfIdfSvmRanker.Train(train);

        var auc = Synthetic.Auc([.. test.Select(e => (ranker.Score(e.Paper), e.Picked))]);
        Assert.True(auc > 0.6, $"AUC {auc:0.000}");
        var diffusion = test.Where(e => e.Paper.Title.Contains("diffusion", StringComparison.Ordinal)).ToList();
        var others = test.Where(e => !e.Picked).ToList();
        Assert.True(diffusion.Min(e => ranker.Score(e.Paper)) > others.Average(e => ranker.Score(e.Paper)));
    }

    [Fact]
    public void Training_twice_gives_the_same_scores()
    {
        var train = Synthetic.Examples(300, seed: 3);

        var a = TfIdfSvmRanker.Train(train);
        var b = TfIdfSvmRanker.Train(train);

        Assert.All(train.Take(50), e => Assert.Equal(a.Score(e.Paper), b.Score(e.Paper)));
    }

    [Fact]
    public void Training_needs_both_classes() =>
        Assert.Throws<ArgumentException>(() => TfIdfSvmRanker.Train([.. Synthetic.Examples(50, seed: 4).Where(e => !e.Picked)]));
}
