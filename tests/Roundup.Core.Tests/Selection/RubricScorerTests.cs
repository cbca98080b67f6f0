using Roundup.Selection;

namespace Roundup.Core.Tests.Selection;

public sealed class RubricScorerTests
{
    [Fact]
    public void Finds_and_quotes_the_signals_a_curator_looks_for()
    {
        var paper = Sample.Paper(1, "FastAttn: 3.2x faster attention", "We outperform FlashAttention on ImageNet and MMLU. We show that why softmax saturates matters. Code is available at https://github.com/x/y.") with
        {
            Comment = "Accepted at ICML 2025",
            Authors = [.. Enumerable.Range(1, 9).Select(i => $"A{i}")],
        };

        var result = new RubricScorer(Evidence.Abstract).Score(paper);

        var labels = result.Contributions.Select(c => c.ToString()).ToList();
        Assert.Contains("+0.20 speed claim: '3.2x faster'", labels);
        Assert.Contains("+0.15 accuracy claim: 'outperform'", labels);
        Assert.Contains("+0.16 vision/language benchmarks: ImageNet, MMLU", labels);
        Assert.Contains(labels, l => l.StartsWith("+0.15 analysis or understanding", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.StartsWith("+0.10 code released", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.StartsWith("+0.15 accepted venue: 'Accepted at ICML'", StringComparison.Ordinal));
        Assert.Contains("+0.05 9 authors", labels);
        Assert.Equal(0.96, result.Score!.Value, 3);
    }

    [Fact]
    public void A_plain_title_scores_nothing_and_the_title_stage_reads_only_the_title()
    {
        var paper = Sample.Paper(1, "On the topology of some manifolds", "We outperform everything on ImageNet.");
        Assert.Equal(0, new RubricScorer(Evidence.Title).Score(paper).Score);
        Assert.True(new RubricScorer(Evidence.Abstract).Score(paper).Score > 0);
    }
}
